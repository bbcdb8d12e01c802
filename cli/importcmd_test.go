package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/storage"
)

// TestImportRoundTrip: `ziping export -o s.xlsx sample && ziping import -o s2.zpb s.xlsx` gives
// a document whose `check --json` (totals and problems) equals the sample's; import never
// writes over an existing file; template writes the fill-in workbook.
func TestImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	xlsx, back := filepath.Join(dir, "s.xlsx"), filepath.Join(dir, "s2.zpb")
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"export", "-o", xlsx, sample}, {"import", "-o", back, xlsx}} {
		if code, _ := runCLI(args, &out, &errOut); code != exitOK {
			t.Fatalf("%v: %d %s", args, code, errOut.String())
		}
	}
	check := func(path string) checkReport {
		var o, e bytes.Buffer
		runCLI([]string{"check", "--json", path}, &o, &e)
		var rep checkReport
		if err := json.Unmarshal(o.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		for i := range rep.Forms {
			rep.Forms[i].File = ""
		}
		for i := range rep.Problems {
			rep.Problems[i].File = ""
		}
		return rep
	}
	if a, b := check(sample), check(back); !reflect.DeepEqual(a, b) {
		t.Errorf("check of the imported document differs:\n%+v\n%+v", a.Forms, b.Forms)
	}
	before, _ := os.ReadFile(back)
	if code, _ := runCLI([]string{"import", "-o", back, xlsx}, &out, &errOut); code != exitUnusable {
		t.Errorf("import over an existing file: exit %d", code)
	}
	if after, _ := os.ReadFile(back); !bytes.Equal(before, after) {
		t.Error("import wrote over an existing document")
	}
	tmpl := filepath.Join(dir, "模板.xlsx")
	if code, _ := runCLI([]string{"template", "-o", tmpl}, &out, &errOut); code != exitOK {
		t.Fatalf("template: %d %s", code, errOut.String())
	}
	if fi, err := os.Stat(tmpl); err != nil || fi.Size() < 1000 {
		t.Errorf("template file %v %v", fi, err)
	}
}

// TestImportNationalRoundTrip: the sample in the national template with rule options,
// `export -o x.xlsx F && import -o G x.xlsx` gives a document that checks as F does and prints
// the same PDF; a second round trip gives the same document again.
func TestImportNationalRoundTrip(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1600000000") // the PDFs are compared: one date for all
	dir := t.TempDir()
	doc, err := storage.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	doc.Settings.SetTemplate(forms.TemplateNational)
	doc.Settings.RateCap, doc.Settings.Signature = true, true
	doc.Settings.Footer.Preparer = "王会计"
	f := filepath.Join(dir, "f.zpb")
	data, _ := forms.Marshal(doc)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		var out, errOut bytes.Buffer
		if code, _ := runCLI(args, &out, &errOut); code != exitOK {
			t.Fatalf("%v: %d %s", args, code, errOut.String())
		}
	}
	from := f
	var files [][]byte
	for i := range 2 {
		x, g := filepath.Join(dir, fmt.Sprintf("x%d.xlsx", i)), filepath.Join(dir, fmt.Sprintf("g%d.zpb", i))
		run("export", "-o", x, from)
		run("import", "-o", g, x)
		a, b := checkJSON(t, f), checkJSON(t, g)
		if a != b {
			t.Errorf("trip %d: check --json differs:\n%s\n%s", i+1, a, b)
		}
		pf, pg := filepath.Join(dir, fmt.Sprintf("f%d.pdf", i)), filepath.Join(dir, fmt.Sprintf("g%d.pdf", i))
		run("export", "-o", pf, f)
		run("export", "-o", pg, g)
		if x, y := read(t, pf), read(t, pg); !bytes.Equal(x, y) {
			t.Errorf("trip %d: the PDF of the imported document differs", i+1)
		}
		files = append(files, read(t, g))
		from = g
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("the second round trip changed the document")
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkJSON is `check --json path` without the file names.
func checkJSON(t *testing.T, path string) string {
	t.Helper()
	var o, e bytes.Buffer
	runCLI([]string{"check", "--json", path}, &o, &e)
	return strings.ReplaceAll(o.String(), filepath.Base(path), "")
}
