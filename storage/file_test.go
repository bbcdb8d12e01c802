package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

const samplePath = "../samples/fushun-shebao-2021.zpb"

// loadSample is the sample document, loaded as the program loads it.
func loadSample(t testing.TB) *forms.Document {
	t.Helper()
	doc, err := Load(filepath.FromSlash(samplePath))
	if err != nil {
		t.Fatalf("load sample: %v", err)
	}
	return doc
}

// cleanDoc is a small document with a unit name and one project, for saves.
func cleanDoc() *forms.Document {
	d := forms.NewDocument(2021)
	d.Unit.Name = "某某中心"
	d.AddProject().Name = "项目甲"
	return d
}

// badFiles are the document files Load must refuse (formstest.BadFiles).
func badFiles(t testing.TB) map[string][]byte {
	sample, err := os.ReadFile(filepath.FromSlash(samplePath))
	if err != nil {
		t.Fatal(err)
	}
	return formstest.BadFiles(sample)
}

// roundTrip saves doc to a temporary file and loads it back, failing unless both are equal.
func roundTrip(t *testing.T, doc *forms.Document) (back *forms.Document, path string) {
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
	for name, doc := range map[string]*forms.Document{"sample": loadSample(t), "clean": cleanDoc(), "new": forms.NewDocument(2025)} {
		t.Run(name, func(t *testing.T) {
			back, path := roundTrip(t, doc)
			data, _ := os.ReadFile(path)
			again, _ := forms.Marshal(back)
			if !bytes.Equal(data, again) {
				t.Fatal("re-encoding differs")
			}
		})
	}
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
			var fe *forms.FileError
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

// TestLoadTooLargeShowsSize: the refusal of a file over forms.MaxFileSize says how large the file is
// and what the limit is, as Load gives it (from the file's size, unread; forms tests Unmarshal's).
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
