package xlsxin

import "testing"

// Numbers show as the spreadsheet shows them in their number format.
func TestNumberText(t *testing.T) {
	for name, tc := range map[string]struct {
		v, code string
		date    bool
		want    string
	}{
		"xlsxout's amount as typed":           {"600", "0.00", false, "600.00"},
		"two decimals":                        {"4211.39", "0.00", false, "4211.39"},
		"half away from zero, not the double": {"1.125", "0.00", false, "1.13"},
		"fewer decimals":                      {"3014.2", "0.0", false, "3014.2"},
		"thousands":                           {"1234.5", "#,##0.00", false, "1,234.50"},
		"negative thousands":                  {"-1234567", "#,##0", false, "-1,234,567"},
		"percent":                             {"0.995", "0.0%", false, "99.5%"},
		"literal after":                       {"600", `0.00"万元"`, false, "600.00万元"},
		"padding and a negative section":      {"12", "#,##0.00_);[Red](#,##0.00)", false, "12.00"},
		"General":                             {"95", "", false, "95"},
		"General, binary noise":               {"0.30000000000000004", "", false, "0.3"},
		"General, big":                        {"12345678901234567890", "", false, "1.23456789012346e+19"},
		"a built-in date":                     {"44562", "", true, "2022-01-01"},
		"a custom date":                       {"44562.5", "yyyy/m/d h:mm", false, "2022-01-01 12:00:00"},
		"a literal with date letters":         {"3", `0"pcs"`, false, "3pcs"},
		"not a number":                        {"abc", "0.00", false, "abc"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := numberText(tc.v, tc.code, tc.date, false); got != tc.want {
				t.Errorf("numberText(%q, %q) = %q, want %q", tc.v, tc.code, got, tc.want)
			}
		})
	}
}
