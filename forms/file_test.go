package forms

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// roundTrip saves doc to a temporary file and loads it back, failing unless both are equal.
func roundTrip(t *testing.T, doc *Document) (back *Document, path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "a.zpb")
	if err := Save(path, doc); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, back) {
		t.Fatal("document changed by save and load")
	}
	return back, path
}

func TestRoundTrip(t *testing.T) {
	for name, doc := range map[string]*Document{"sample": loadSample(t), "clean": cleanDoc(), "new": NewDocument(2025)} {
		t.Run(name, func(t *testing.T) {
			back, path := roundTrip(t, doc)
			data, _ := os.ReadFile(path)
			again, _ := Marshal(back)
			if !bytes.Equal(data, again) {
				t.Fatal("re-encoding differs")
			}
		})
	}
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

// badFiles are documents the loader must refuse; they also seed the fuzz test.
func badFiles(t testing.TB) map[string][]byte {
	sample, err := os.ReadFile(filepath.FromSlash(samplePath))
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"truncated":     sample[:700],
		"empty":         {},
		"spaces":        []byte(" \n "),
		"random":        {0x8f, 0x00, 0xff, 0x12, 0x7b, 0x22},
		"not ours":      []byte(`{"name": "x"}`),
		"future":        bytes.Replace(sample, []byte(`"version": 1`), []byte(`"version": 999`), 1),
		"version zero":  bytes.Replace(sample, []byte(`"version": 1`), []byte(`"version": 0`), 1),
		"deep":          []byte(strings.Repeat(`{"a":`, 20000)),
		"unknown key":   bytes.Replace(sample, []byte(`"settings": {`), []byte(`"settings": {"colour": 1,`), 1),
		"wrong type":    bytes.Replace(sample, []byte(`"staff": "208"`), []byte(`"staff": 208`), 1),
		"unknown row":   bytes.Replace(sample, []byte(`"id": "I7"`), []byte(`"id": "I9"`), 1),
		"duplicate row": bytes.Replace(sample, []byte(`"id": "I7"`), []byte(`"id": "I6"`), 1),
		"null project":  bytes.Replace(sample, []byte(`"projects": [`), []byte(`"projects": [null,`), 1),
		"trailing":      append(append([]byte{}, sample...), []byte(`{}`)...),
		"huge":          append(append([]byte{}, sample...), bytes.Repeat([]byte(" "), MaxFileSize)...),
		"million rows":  millionRows(sample),
	}
}

// millionRows is sample with 10⁶ empty 三级 rows more in its first 二级: 4 MB.
func millionRows(sample []byte) []byte {
	rows := bytes.Repeat([]byte("{},"), 1_000_000)
	return bytes.Replace(sample, []byte(`"rows": [`), append([]byte(`"rows": [`), rows...), 1)
}

func TestBadFilesRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	for name, data := range badFiles(t) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".zpb")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Load accepted or gave a non-file error: %v", err)
			}
			if !strings.Contains(err.Error(), name+".zpb") || !strings.ContainsAny(err.Error(), "文件无法") {
				t.Errorf("message does not name the file in Chinese: %v", err)
			}
			// Saving over a file the program cannot read is refused; the file stays as it was.
			if len(bytes.TrimSpace(data)) > 0 {
				if err := Save(path, cleanDoc()); err == nil {
					t.Error("Save overwrote an unreadable file")
				}
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, data) {
				t.Error("file modified")
			}
		})
	}
}

func TestSaveKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.zpb")
	first, second := cleanDoc(), cleanDoc()
	second.Unit.Name = "改名后"
	if err := Save(path, first); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + BackupSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Error("backup written for a new file")
	}
	if err := Save(path, second); err != nil {
		t.Fatal(err)
	}
	bak, err := Load(path + BackupSuffix)
	if err != nil || bak.Unit.Name != first.Unit.Name {
		t.Fatalf("backup holds %v, %v", bak, err)
	}
	cur, err := Load(path)
	if err != nil || cur.Unit.Name != "改名后" {
		t.Fatalf("saved file holds %v, %v", cur, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestSaveIntoMissingFolderFails(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "no", "such", "doc.zpb"), cleanDoc())
	if err == nil || !strings.Contains(err.Error(), "保存") {
		t.Fatalf("got %v", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.zpb"))
	if err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Fatalf("got %v", err)
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
		doc, err := Unmarshal(data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Reason == "" {
				t.Fatalf("non-file error %v", err)
			}
			return
		}
		ev := Evaluate(doc) // whatever loads must evaluate without panicking
		_ = ev
		if _, err := Marshal(doc); err != nil {
			t.Fatal(err)
		}
	})
}

// TestLoadTooLargeShowsSize: the refusal of a file over MaxFileSize says how large the file is
// and what the limit is, whether it comes from Load (the file's size, unread) or Unmarshal.
func TestLoadTooLargeShowsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.zpb")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 40<<20+512<<10); err != nil { // sparse: 40.5 MB
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "文件过大（40.5 MB，上限 32 MB）") {
		t.Fatalf("Load: %v", err)
	}
	_, err = Unmarshal(make([]byte, MaxFileSize+1<<20))
	if err == nil || !strings.Contains(err.Error(), "文件过大（33.0 MB，上限 32 MB）") {
		t.Fatalf("Unmarshal: %v", err)
	}
}

// TestLoadRefusesFolder: a folder given as a document is refused from its mode, in Chinese.
func TestLoadRefusesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "文件夹.zpb")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "无法打开“文件夹.zpb”：这是一个文件夹，不是普通文件") {
		t.Fatalf("got %v", err)
	}
}

// TestShapeRefusesBeforeDecoding: a file of a million empty rows is refused from its shape,
// with the limit named, before any row is decoded: the whole of Unmarshal allocates less than
// the file's size.
func TestShapeRefusesBeforeDecoding(t *testing.T) {
	sample, _ := os.ReadFile(filepath.FromSlash(samplePath))
	data := millionRows(sample)
	var err error
	allocs := testing.AllocsPerRun(1, func() { _, err = Unmarshal(data) })
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "表格行和栏目过多") {
		t.Fatalf("got %v", err)
	}
	if allocs > 100 {
		t.Fatalf("%v allocations: the rows were decoded", allocs)
	}
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
