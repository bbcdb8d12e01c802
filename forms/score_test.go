package forms

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestQuantScore(t *testing.T) {
	d := decimal.RequireFromString
	tests := map[string]struct {
		op                     Op
		target, actual, weight string
		rule                   NegativeRule
		score                  string
		completion             string // "" when it cannot be computed
	}{
		"≥ met":                      {OpGE, "50", "60", "10", NegativeRatio, "10", "1.2"},
		"≥ exactly":                  {OpGE, "50", "50", "10", NegativeRatio, "10", "1"},
		"≥ short":                    {OpGE, "50", "40", "10", NegativeRatio, "8", "0.8"},
		"＞ short":                    {OpGT, "95", "90", "20", NegativeRatio, "18.947368421052631578947368421", "0.947368421053"},
		"≥ negative actual is 0":     {OpGE, "50", "-5", "10", NegativeRatio, "0", "0"},
		"≤ met":                      {OpLE, "10", "8", "10", NegativeRatio, "10", "1.25"},
		"≤ missed ratio":             {OpLE, "10", "12.5", "10", NegativeRatio, "8", "0.8"},
		"＜ missed ratio":             {OpLT, "10", "20", "10", NegativeRatio, "5", "0.5"},
		"≤ missed linear":            {OpLE, "10", "12.5", "10", NegativeLinear, "7.5", "0.8"},
		"≤ linear zero at twice":     {OpLE, "10", "20", "10", NegativeLinear, "0", "0.5"},
		"≤ linear floor":             {OpLE, "10", "35", "10", NegativeLinear, "0", "0.285714285714"},
		"≤ zero actual":              {OpLE, "10", "0", "10", NegativeRatio, "10", ""},
		"≤ zero target, zero":        {OpLE, "0", "0", "10", NegativeRatio, "10", ""},
		"≤ zero target, some":        {OpLE, "0", "1", "10", NegativeRatio, "0", ""},
		"＝ positive met":             {OpEQ, "100", "100", "10", NegativeRatio, "10", "1"},
		"＝ positive short":           {OpEQ, "100", "90", "10", NegativeRatio, "9", "0.9"},
		"＝ zero target met":          {OpEQ, "0", "0", "10", NegativeRatio, "10", ""},
		"＝ zero target, negative":    {OpEQ, "0", "-2", "10", NegativeRatio, "10", ""},
		"＝ zero target, some":        {OpEQ, "0", "2", "10", NegativeRatio, "0", ""},
		"≥ zero target":              {OpGE, "0", "0", "10", NegativeRatio, "10", ""},
		"no operator scores nothing": {OpNone, "10", "10", "10", NegativeRatio, "0", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s, c, ok := QuantScore(tc.op, d(tc.target), d(tc.actual), d(tc.weight), tc.rule)
			if !s.Round(10).Equal(d(tc.score).Round(10)) {
				t.Errorf("score = %v, want %s", s, tc.score)
			}
			if ok != (tc.completion != "") || (ok && !c.Round(12).Equal(d(tc.completion))) {
				t.Errorf("completion = %v (%v), want %q", c, ok, tc.completion)
			}
		})
	}
}

func TestGradeOfAndRating(t *testing.T) {
	d := decimal.RequireFromString
	grades := map[string]struct {
		score, weight string
		want          Grade
	}{
		"full":          {"10", "10", GradeMet},
		"80% is met":    {"8", "10", GradeMet},
		"just under 80": {"7.99", "10", GradePartial},
		"60% partial":   {"6", "10", GradePartial},
		"under 60":      {"5.99", "10", GradeMissed},
		"zero":          {"0", "10", GradeMissed},
		"zero weight":   {"0", "0", GradeNone},
		"seed 38 of 40": {"38", "40", GradeMet},
	}
	for name, tc := range grades {
		if got := GradeOf(d(tc.score), d(tc.weight)); got != tc.want {
			t.Errorf("GradeOf %s: got %q, want %q", name, got, tc.want)
		}
	}
	ratings := map[string]string{"100": "优", "90": "优", "89.99": "良", "80": "良", "79.99": "中", "60": "中", "59.99": "差", "0": "差"}
	for total, want := range ratings {
		if got := Rating(d(total)); got != want {
			t.Errorf("Rating(%s) = %s, want %s", total, got, want)
		}
	}
}

func TestExecutionScore(t *testing.T) {
	d := decimal.RequireFromString
	tests := map[string]struct {
		w, a, b string
		want    string
		ok      bool
	}{
		"full":          {"10", "600", "600", "10", true},
		"85 percent":    {"10", "100", "85", "8.5", true},
		"capped":        {"10", "100", "120", "10", true},
		"zero budget":   {"10", "0", "5", "0", false},
		"no execution":  {"10", "100", "0", "0", true},
		"negative exec": {"10", "100", "-5", "0", true},
	}
	for name, tc := range tests {
		got, ok := ExecutionScore(d(tc.w), d(tc.a), d(tc.b))
		if ok != tc.ok || !got.Equal(d(tc.want)) {
			t.Errorf("%s: got %v %v, want %s %v", name, got, ok, tc.want, tc.ok)
		}
	}
}
