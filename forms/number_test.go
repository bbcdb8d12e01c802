package forms

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// numberCases are what accountants type; they also seed the fuzz test.
var numberCases = map[string]struct {
	in      string
	want    string
	percent bool
	unit    string
	sign    Op
	wantErr string // substring of the error; "" means success
}{
	"plain":              {in: "600", want: "600"},
	"spaces":             {in: " 600 ", want: "600"},
	"thousands":          {in: "1,234.56", want: "1234.56"},
	"millions":           {in: "12,345,678.9", want: "12345678.9"},
	"full width":         {in: "１２３４．５", want: "1234.5"},
	"full width percent": {in: "９５％", want: "95", percent: true},
	"percent":            {in: "95%", want: "95", percent: true},
	"wan yuan":           {in: "600.00万元", want: "600", unit: "万元"},
	"unit with space":    {in: "50 个", want: "50", unit: "个"},
	"sign and unit":      {in: "≥50个", want: "50", unit: "个", sign: OpGE},
	"ascii sign":         {in: ">=95%", want: "95", percent: true, sign: OpGE},
	"full width less":    {in: "＜3天", want: "3", unit: "天", sign: OpLT},
	"negative":           {in: "-3", want: "-3"},
	"full width minus":   {in: "－3.5", want: "-3.5"},
	"leading point":      {in: ".5", want: "0.5"},
	"ideographic space":  {in: "　100　", want: "100"},
	"per unit":           {in: "3人/次", want: "3", unit: "人/次"},
	"empty":              {in: "  ", wantErr: "未填写"},
	"text":               {in: "一次性支付", wantErr: "不是数字"},
	"prefix word":        {in: "约100", wantErr: "不是数字"},
	"two points":         {in: "1.2.3", wantErr: "小数点多于一个"},
	"bad grouping":       {in: "1,23", wantErr: "千分位"},
	"comma in fraction":  {in: "1.2,34", wantErr: "小数部分"},
	"two numbers":        {in: "12 34", wantErr: "无法识别"},
	"letters then digit": {in: "12abc34", wantErr: "无法识别"},
	"percent then text":  {in: "95%以上", wantErr: "无法识别"},
	"double sign":        {in: "--5", wantErr: "不是数字"},
	"only sign":          {in: "-", wantErr: "不是数字"},
	"only point":         {in: ".", wantErr: "不是数字"},
	"too long":           {in: strings.Repeat("9", 40), wantErr: "位数过多"},
	// 30 digits after a bare point: printed back as "0.222…5", which must parse too.
	"30 digits after a bare point": {in: "." + strings.Repeat("2", 29) + "5", want: "0." + strings.Repeat("2", 29) + "5"},
	"31 significant digits":        {in: "1." + strings.Repeat("2", 30), wantErr: "位数过多"},
	"leading zeros do not count":   {in: "000" + strings.Repeat("9", 30), want: strings.Repeat("9", 30)},
	"zeros without end":            {in: strings.Repeat("0", 61) + "1", wantErr: "位数过多"},
}

func TestParseNumber(t *testing.T) {
	for name, tc := range numberCases {
		t.Run(name, func(t *testing.T) {
			n, err := ParseNumber(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseNumber(%q) error = %v, want one containing %q", tc.in, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseNumber(%q): %v", tc.in, err)
			}
			if !n.Value.Equal(decimal.RequireFromString(tc.want)) || n.Percent != tc.percent || n.Unit != tc.unit || n.Sign != tc.sign {
				t.Fatalf("ParseNumber(%q) = %v %v %q %q, want %s %v %q %q", tc.in, n.Value, n.Percent, n.Unit, n.Sign, tc.want, tc.percent, tc.unit, tc.sign)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	tests := map[string]struct {
		in, want, wantErr string
	}{
		"typed":          {in: "3014.2", want: "3014.2"},
		"wan yuan":       {in: "600.00万元", want: "600"},
		"six decimals":   {in: "1.123456", want: "1.123456"},
		"seven decimals": {in: "1.1234567", wantErr: "最多保留 6 位小数"},
		"yuan refused":   {in: "6000000元", wantErr: "单位应为万元"},
		"percent":        {in: "95%", wantErr: "不能是百分数"},
		"sign":           {in: "≥5", wantErr: "比较符号"},
		"blank":          {in: "", wantErr: "未填写"},
		"text":           {in: "无", wantErr: "不是数字"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseAmount(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseAmount(%q) error = %v, want %q", tc.in, err, tc.wantErr)
				}
				return
			}
			if err != nil || !got.Equal(decimal.RequireFromString(tc.want)) {
				t.Fatalf("ParseAmount(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseScoreAndCount(t *testing.T) {
	if v, err := ParseScore("9.5分"); err != nil || v.String() != "9.5" {
		t.Errorf("ParseScore(9.5分) = %v, %v", v, err)
	}
	for _, bad := range []string{"9.555", "95%", "≥9", "9个"} {
		if _, err := ParseScore(bad); err == nil {
			t.Errorf("ParseScore(%q) accepted", bad)
		}
	}
	if _, err := ParseScore(""); !errors.Is(err, ErrEmpty) {
		t.Errorf("ParseScore(\"\") error = %v, want ErrEmpty", err)
	}
	if n, err := ParseCount("1,024人"); err != nil || n != 1024 {
		t.Errorf("ParseCount = %d, %v", n, err)
	}
	for _, bad := range []string{"2.5", "-1", "50%", "99999999999"} {
		if _, err := ParseCount(bad); err == nil {
			t.Errorf("ParseCount(%q) accepted", bad)
		}
	}
}

func TestFormat(t *testing.T) {
	d := decimal.RequireFromString
	tests := map[string]struct{ got, want string }{
		"integer score":       {FormatScore(d("97")), "97"},
		"half":                {FormatScore(d("9.50")), "9.5"},
		"rounded once":        {FormatScore(d("33.3333333")), "33.33"},
		"rounds half up":      {FormatScore(d("8.125")), "8.13"},
		"zero":                {FormatScore(d("-0.001")), "0"},
		"percent":             {FormatPercent(d("1")), "100%"},
		"percent fraction":    {FormatPercent(d("0.995")), "99.5%"},
		"amount keeps scale":  {FormatAmount(d("600.00"), false), "600.00"},
		"amount integer":      {FormatAmount(d("3014"), false), "3014"},
		"amount fixed2":       {FormatAmount(d("3014.2"), true), "3014.20"},
		"display as typed":    {DisplayAmount(" 3014.2 ", false), "3014.2"},
		"display fixed2":      {DisplayAmount("2679", true), "2679.00"},
		"display bad as is":   {DisplayAmount("abc", true), "abc"},
		"display blank fixed": {DisplayAmount("", true), ""},
	}
	for name, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", name, tc.got, tc.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, tc := range numberCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		// A parsed number prints back to something that parses to the same value.
		again, err := ParseNumber(n.Value.String())
		if err != nil || !again.Value.Equal(n.Value) {
			t.Fatalf("%q parsed to %v, which does not parse back: %v", s, n.Value, err)
		}
		if _, err := ParseAmount(s); err == nil && (n.Percent || n.Sign != OpNone) {
			t.Fatalf("ParseAmount accepted %q with a percent or sign", s)
		}
	})
}

// TestPrintedNumber: full-width digits print half-width, with the point, % and minus next to
// them and a thousands comma of a number; the rest of what was typed is kept.
func TestPrintedNumber(t *testing.T) {
	for in, want := range map[string]string{
		"１００":       "100",
		" ９５ ":      "95",
		"１００．００":    "100.00",
		"９８%":       "98%",
		"９８％":       "98%",
		"≥９５％":      "≥95%",
		"１，２３４．５万元": "1,234.5万元",
		"不低于９５％":    "不低于95%",
		"完成１，未完成２":  "完成1，未完成2", // a comma of words, not of a number
		"９５。":       "95。",
		"３０天以内":     "30天以内",
		"－５":        "-5",
		"3014.2":    "3014.2",
		"一次性支付":     "一次性支付",
		"达到％":       "达到％", // no digit: as typed
		"":          "",
	} {
		if got := PrintedNumber(in); got != want {
			t.Errorf("PrintedNumber(%q) = %q, want %q", in, got, want)
		}
	}
	if got := DisplayAmount("１００", false); got != "100" {
		t.Errorf("DisplayAmount of full-width 100: %q", got)
	}
	if got := DisplayAmount("１００", true); got != "100.00" {
		t.Errorf("DisplayAmount fixed2 of full-width 100: %q", got)
	}
}
