package forms_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// badFiles are the document files Unmarshal must refuse (formstest.BadFiles), made from the
// sample; they also seed the fuzz test.
func badFiles(t testing.TB) map[string][]byte {
	sample, err := os.ReadFile(filepath.FromSlash("../samples/fushun-shebao-2021.zpb"))
	if err != nil {
		t.Fatal(err)
	}
	return formstest.BadFiles(sample)
}

// TestBadFilesRefused: each bad file is refused with a *FileError that gives a reason.
func TestBadFilesRefused(t *testing.T) {
	for name, data := range badFiles(t) {
		_, err := forms.Unmarshal(data)
		var fe *forms.FileError
		if !errors.As(err, &fe) || fe.Reason == "" || !strings.HasPrefix(err.Error(), "无法打开") {
			t.Errorf("%s: Unmarshal gave %v", name, err)
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	// Small seeds only: the fuzzer mutates and minimises large inputs very slowly.
	for _, data := range badFiles(f) {
		if len(data) < 4096 {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"format":"ziping","version":1,"settings":{"year":"2021","amounts":"fixed2"},
		"unit":{"name":"甲","staff":"3","budget":[{"id":"I1","initial":"1,000","full":"１２","actual":"x"}],
		"indicators":[{"name":"履职效能","children":[{"name":"基础管理","rows":[{"op":"≥","target":"≥50个",
		"actual":"60","weight":"10","score":"9","manual":true,"grade":"达成"}]}]}]},
		"projects":[{"name":"乙","funds":[{"id":"T","full":"0","actual":"5"}],"funds_weight":"10"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := forms.Unmarshal(data)
		if err != nil {
			var fe *forms.FileError
			if !errors.As(err, &fe) || fe.Reason == "" {
				t.Fatalf("non-file error %v", err)
			}
			return
		}
		ev := forms.Evaluate(doc) // whatever loads must evaluate without panicking
		_ = ev
		if _, err := forms.Marshal(doc); err != nil {
			t.Fatal(err)
		}
	})
}

// TestShapeRefusesBeforeDecoding: a file of a million empty rows is refused from its shape,
// with the limit named, before any row is decoded: the whole of Unmarshal allocates less than
// the file's size.
func TestShapeRefusesBeforeDecoding(t *testing.T) {
	sample, _ := os.ReadFile(filepath.FromSlash("../samples/fushun-shebao-2021.zpb"))
	data := formstest.MillionRows(sample)
	var err error
	allocs := testing.AllocsPerRun(1, func() { _, err = forms.Unmarshal(data) })
	if !errors.Is(err, forms.ErrLimit) || !strings.Contains(err.Error(), "表格行和栏目过多") {
		t.Fatalf("got %v", err)
	}
	if allocs > 100 {
		t.Fatalf("%v allocations: the rows were decoded", allocs)
	}
}
