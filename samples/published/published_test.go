package published

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"ziping/forms"
	"ziping/storage"
)

// manifest is expected.json: per typed table, where it comes from and what it prints.
type manifest struct {
	Tables []table `json:"tables"`
}

type table struct {
	File     string `json:"file"`
	Source   string `json:"source"`
	Province string `json:"province"`
	// Template is the 表式 the document is typed in: "liaoning" or "national".
	Template string `json:"template"`
	// Copy is "complete" when the stored copy shows the whole table, "partial" when it ends
	// before the table does (Missing says what is not in it).
	Copy    string `json:"copy"`
	Missing string `json:"missing,omitempty"`
	Forms   []form `json:"forms"`
}

// form is one project form of a document: the figures its published table prints, by the
// names of figures (below), and where the program's figure differs from the printed one, why.
type form struct {
	Project    int               `json:"project"` // 1-based, as problems name it
	Printed    map[string]string `json:"printed"`
	Exceptions []exception       `json:"exceptions,omitempty"`
}

type exception struct {
	Field   string `json:"field"`
	Program string `json:"program"`
	Why     string `json:"why"`
}

// figures are the program's figures of a project form, by the names the manifest uses, as the
// printed form shows them ("" when the program prints nothing there).
func figures(r *forms.ProjectResult) map[string]string {
	f := map[string]string{
		"total":      r.TotalText(),
		"c":          r.CText(),
		"d":          r.DText(),
		"rate":       r.Funds["T"].RateText(),
		"weight_sum": forms.FormatScore(r.WeightSum),
		"d_weight":   "",
	}
	if r.HasDWeight {
		f["d_weight"] = forms.FormatScore(r.DWeight)
	}
	for i, name := range []string{"output", "benefit", "satisfaction"} {
		if i < len(r.Level1Weights) {
			f[name] = forms.FormatScore(r.Level1Weights[i])
		}
	}
	return f
}

// sameFigure reports whether two printed figures say the same: equal as numbers ("100.00%" and
// "100%", "9" and "9.00"), or as text when either is not a number.
func sameFigure(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if strings.HasSuffix(a, "%") != strings.HasSuffix(b, "%") {
		return false
	}
	da, ea := decimal.NewFromString(strings.TrimSuffix(a, "%"))
	db, eb := decimal.NewFromString(strings.TrimSuffix(b, "%"))
	if ea == nil && eb == nil {
		return da.Equal(db)
	}
	return a == b
}

func loadManifest(t *testing.T) manifest {
	t.Helper()
	data, err := os.ReadFile("expected.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m manifest
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	return m
}

// TestManifestListsEveryTable keeps the folder and expected.json in step: every document has
// an entry, every entry a document, and the entry's template is the document's.
func TestManifestListsEveryTable(t *testing.T) {
	m := loadManifest(t)
	files, err := filepath.Glob("*" + forms.FileExt)
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, tb := range m.Tables {
		listed = append(listed, tb.File)
		if tb.Source == "" || tb.Province == "" {
			t.Errorf("%s: no source or province", tb.File)
		}
		if tb.Copy != "complete" && tb.Copy != "partial" || (tb.Copy == "partial") != (tb.Missing != "") {
			t.Errorf("%s: copy %q, missing %q: a partial copy says what it lacks, a complete one nothing", tb.File, tb.Copy, tb.Missing)
		}
	}
	slices.Sort(listed)
	if !slices.Equal(files, listed) {
		t.Fatalf("documents %v, expected.json lists %v", files, listed)
	}
}

// TestPublishedTotals opens every document, evaluates and checks it as `ziping check` does, and
// compares each form's figures with the ones its published table prints: a figure that differs
// must be listed as an exception with the program's figure and why; an exception whose figure
// the program no longer gives, or that no longer differs from the printed one, fails too.
func TestPublishedTotals(t *testing.T) {
	for _, tb := range loadManifest(t).Tables {
		t.Run(strings.TrimSuffix(tb.File, forms.FileExt), func(t *testing.T) {
			doc, err := storage.Load(tb.File)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(doc.Settings.TemplateOf().ID()); got != tb.Template {
				t.Errorf("template %q, expected.json says %q", got, tb.Template)
			}
			ev := forms.Evaluate(doc)
			for _, p := range ev.Problems {
				t.Log(p.String())
			}
			if len(tb.Forms) != len(doc.Projects) {
				t.Fatalf("%d project forms, expected.json describes %d", len(doc.Projects), len(tb.Forms))
			}
			for _, f := range tb.Forms {
				checkForm(t, f, figures(ev.Projects[f.Project-1]))
			}
		})
	}
}

func checkForm(t *testing.T, f form, got map[string]string) {
	t.Helper()
	exc := map[string]exception{}
	for _, e := range f.Exceptions {
		exc[e.Field] = e
		if _, ok := f.Printed[e.Field]; !ok {
			t.Errorf("project %d: exception for %q, which the table does not print", f.Project, e.Field)
		}
		if e.Why == "" {
			t.Errorf("project %d: exception for %q says no why", f.Project, e.Field)
		}
	}
	for field, printed := range f.Printed {
		program, ok := got[field]
		if !ok {
			t.Errorf("project %d: no figure %q", f.Project, field)
			continue
		}
		e, excepted := exc[field]
		switch {
		case excepted && sameFigure(e.Program, printed):
			t.Errorf("project %d %s: exception gives the printed figure %q", f.Project, field, printed)
		case excepted && !sameFigure(program, e.Program):
			t.Errorf("project %d %s: program %q, the exception says %q (printed %q)", f.Project, field, program, e.Program, printed)
		case !excepted && !sameFigure(program, printed):
			t.Errorf("project %d %s: program %q, printed %q, and no exception explains it", f.Project, field, program, printed)
		}
	}
}

func TestSameFigure(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"100.00%", "100%", true}, {"9", "9.00", true}, {"", "", true},
		{"0", "", false}, {"100", "100%", false}, {"8.62", "9", false}, {"优", "优", true},
	} {
		if got := sameFigure(c.a, c.b); got != c.same {
			t.Errorf("sameFigure(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
