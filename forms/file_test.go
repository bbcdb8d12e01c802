package forms

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// roundTrip encodes doc as a file and decodes it back, failing unless both are equal.
func roundTrip(t *testing.T, doc *Document) *Document {
	t.Helper()
	data, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, back) {
		t.Fatal("document changed by encoding and decoding")
	}
	return back
}

func TestSampleFileIsCanonical(t *testing.T) {
	data, err := os.ReadFile(filepath.FromSlash(samplePath))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := Marshal(loadSample(t))
	if !bytes.Equal(data, out) {
		t.Fatal("the sample is not in the canonical pretty-printed form")
	}
	for _, key := range []string{`"format": "ziping"`, `"version": 1`, `"settings"`, `"unit"`, `"projects"`} {
		if !bytes.Contains(data, []byte(key)) {
			t.Errorf("sample lacks %s", key)
		}
	}
}

func TestLoadFillsMissingRows(t *testing.T) {
	data := []byte(`{"format":"ziping","version":1,"settings":{"year":"2022"},
		"unit":{"budget":[{"id":"E1","initial":"5"}]},"projects":[{"name":"甲"}]}`)
	doc, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Unit.Budget) != len(UnitBudgetRows) || doc.Unit.BudgetRow("E1").Initial != "5" {
		t.Fatalf("budget rows not completed: %+v", doc.Unit.Budget)
	}
	if len(doc.Projects[0].Funds) != len(ProjectFundRows) || doc.Settings.Amounts != AmountsAsTyped {
		t.Fatal("project rows or settings not completed")
	}
	Evaluate(doc) // must not panic on a sparse document
}

// TestShapeIgnoresStrings: braces typed in a text, after quotes and backslashes, are not
// counted as the file's objects: a document with more of them than a file may have objects,
// within its text limit, loads.
func TestShapeIgnoresStrings(t *testing.T) {
	doc := cleanDoc()
	text := strings.Repeat(`{{{"{{{\`, MaxFieldRunes/8)
	n := 0
	doc.EachText(func(_ string, s *string) {
		if n < MaxTextRunes/MaxFieldRunes-1 {
			*s, n = text, n+1
		}
	})
	data, _ := Marshal(doc)
	if bytes.Count(data, []byte("{")) <= maxFileObjects {
		t.Fatal("too few braces and commas to test")
	}
	if _, err := Unmarshal(data); err != nil {
		t.Fatal(err)
	}
}

// TestUnmarshalTooLargeShowsSize: Unmarshal's refusal of bytes over MaxFileSize says how large
// they are and what the limit is (storage.Load's refusal from a file's size is tested there).
func TestUnmarshalTooLargeShowsSize(t *testing.T) {
	_, err := Unmarshal(make([]byte, MaxFileSize+1<<20))
	if err == nil || !strings.Contains(err.Error(), "文件过大（33.0 MB，上限 32 MB）") {
		t.Fatalf("Unmarshal: %v", err)
	}
}
