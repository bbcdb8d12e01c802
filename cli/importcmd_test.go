package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
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
