package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// fillText puts n characters into every text field of doc, in order, while the document's
// text stays within total characters.
func fillText(doc *Document, n, total int) {
	text := []rune(strings.Repeat("保障办公秩序良好，确保一方平安。2021年", n/20+1))[:n]
	used := 0
	doc.EachText(func(_ string, s *string) { used += utf8.RuneCountInString(*s) })
	doc.EachText(func(_ string, s *string) {
		if had := utf8.RuneCountInString(*s); used-had+n <= total {
			*s = string(text)
			used += n - had
		}
	})
}

// TestTenThousandCharacters: fields of 10,000 characters, as many as MaxTextRunes allows, save
// and reopen identical.
func TestTenThousandCharacters(t *testing.T) {
	doc := cleanDoc()
	fillText(doc, 10_000, MaxTextRunes)
	back := roundTrip(t, doc)
	Evaluate(back)
}

// overLimits are documents one step beyond each limit.
func overLimits(t testing.TB) map[string]*Document {
	long := cleanDoc()
	long.Unit.Name = strings.Repeat("长", MaxFieldRunes+1)
	text := cleanDoc()
	fillText(text, MaxFieldRunes, MaxTextRunes)
	text.Settings.Footer.Date += "年"
	many := cleanDoc()
	for len(many.Projects) <= MaxProjects {
		many.Projects = append(many.Projects, NewProjectForm())
	}
	rows := cleanDoc()
	l2 := rows.Unit.Indicators[0].Children[0]
	for rows.Unit.Indicators.PrintedRowCount() <= MaxRowsPerForm {
		l2.Rows = append(l2.Rows, &Indicator{})
	}
	empty := cleanDoc() // 二级 without rows print a blank row each
	for empty.Projects[0].Indicators.PrintedRowCount() <= MaxRowsPerForm {
		empty.Projects[0].Indicators[1].Children = append(empty.Projects[0].Indicators[1].Children, &Level2{Rows: []*Indicator{}})
	}
	level1 := cleanDoc()
	for len(level1.Unit.Indicators) <= MaxLevel1PerForm {
		level1.Unit.Indicators = append(level1.Unit.Indicators, &Level1{Name: "一级", Children: []*Level2{}})
	}
	goals := cleanDoc()
	for len(goals.Projects[0].Goals) <= MaxListRows {
		goals.Projects[0].Goals = append(goals.Projects[0].Goals, &Goal{})
	}
	tasks := cleanDoc()
	for len(tasks.Unit.Tasks) <= MaxListRows {
		tasks.Unit.Tasks = append(tasks.Unit.Tasks, &Task{})
	}
	total := atTotal(t)
	total.Unit.Goals = append(total.Unit.Goals, &Goal{})
	return map[string]*Document{"long field": long, "text": text, "many projects": many, "many rows": rows,
		"empty 二级": empty, "一级": level1, "goals": goals, "tasks": tasks, "total rows": total}
}

// atTotal is a document of MaxProjects projects that prints exactly MaxRowsTotal rows, each
// form within its own limits.
func atTotal(t testing.TB) *Document {
	d := cleanDoc()
	for d.AddProject() != nil {
	}
	for i := 0; d.PrintedRowCount() < MaxRowsTotal; i++ {
		p := d.Projects[i%len(d.Projects)]
		if p.Indicators.AddRow(0, 0) == nil {
			t.Fatal("a form is full before the document")
		}
	}
	if len(d.Projects) != MaxProjects || d.PrintedRowCount() != MaxRowsTotal || d.CheckLimits() != nil {
		t.Fatalf("%d projects, %d rows: %v", len(d.Projects), d.PrintedRowCount(), d.CheckLimits())
	}
	return d
}

// TestLimitsRefuseOversizedFiles: a file one step beyond any limit is refused with a Chinese
// message that names the limit; the same document is refused by CheckLimits before a save.
func TestLimitsRefuseOversizedFiles(t *testing.T) {
	for name, doc := range overLimits(t) {
		t.Run(name, func(t *testing.T) {
			if err := doc.CheckLimits(); !errors.Is(err, ErrLimit) {
				t.Fatalf("CheckLimits: %v", err)
			}
			data, _ := Marshal(doc)
			_, err := Unmarshal(data)
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "超过上限") {
				t.Fatalf("got %v", err)
			}
		})
	}
}

// TestLimitsAtTheLimit: a document at the total row limit and one at every limit of one form
// load.
func TestLimitsAtTheLimit(t *testing.T) {
	full := cleanDoc()
	for full.Unit.Indicators.AddRow(2, 0) != nil {
	}
	for full.Unit.Indicators.AddLevel2(2, "二级") != nil {
	}
	for range MaxListRows - len(full.Unit.Tasks) {
		full.Unit.Tasks = append(full.Unit.Tasks, &Task{Name: "任务"})
	}
	for name, doc := range map[string]*Document{"total": atTotal(t), "one form": full} {
		t.Run(name, func(t *testing.T) {
			data, _ := Marshal(doc)
			if _, err := Unmarshal(data); err != nil {
				t.Fatal(err)
			}
		})
	}
	if n := full.Unit.Indicators.PrintedRowCount(); n != MaxRowsPerForm {
		t.Fatalf("the unit form prints %d rows", n)
	}
}

func TestAddRefusedAtLimits(t *testing.T) {
	d := NewDocument(2021)
	for range MaxProjects {
		if d.AddProject() == nil {
			t.Fatal("refused below the limit")
		}
	}
	if d.AddProject() != nil || len(d.Projects) != MaxProjects || !errors.Is(d.AddProjectError(), ErrLimit) {
		t.Fatal("project limit not enforced")
	}
	tree := d.Unit.Indicators
	for tree.PrintedRowCount() < MaxRowsPerForm {
		if tree.AddRow(0, 0) == nil {
			t.Fatal("refused below the limit")
		}
	}
	if tree.AddRow(0, 0) != nil || tree.AddLevel2(0, "y") != nil || tree.PrintedRowCount() != MaxRowsPerForm {
		t.Fatal("row limit not enforced")
	}
	if err := d.AddRowError(tree, 0, 0); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "最多 100 行") {
		t.Fatalf("AddRowError: %v", err)
	}
	// A first row under an empty 二级 takes the place of its blank row: allowed at the limit.
	if tree[2].Children[0].Rows = nil; tree.AddRow(2, 0) == nil || tree.PrintedRowCount() != MaxRowsPerForm {
		t.Fatal("first row of an empty 二级 refused")
	}
	if !TooLong(strings.Repeat("字", MaxFieldRunes+1)) || TooLong(strings.Repeat("字", MaxFieldRunes)) {
		t.Fatal("TooLong")
	}
}

// TestDocumentRowLimit: the editor's questions say no once the document prints MaxRowsTotal
// rows, though the form asked about has room.
func TestDocumentRowLimit(t *testing.T) {
	d := atTotal(t)
	p := d.Projects[len(d.Projects)-1]
	if err := p.Indicators.AddRowError(0, 0); err != nil {
		t.Fatalf("the form itself is full: %v", err)
	}
	for name, err := range map[string]error{
		"row":  d.AddRowError(p.Indicators, 0, 0),
		"二级":   d.AddLevel2Error(p.Indicators, 0),
		"goal": d.AddListRowError(len(p.Goals)),
	} {
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), fmt.Sprintf("合计最多 %d 行", MaxRowsTotal)) {
			t.Errorf("%s: %v", name, err)
		}
	}
	d.RemoveProject(0)
	if err := d.AddRowError(p.Indicators, 0, 0); err != nil {
		t.Fatalf("after removing a project: %v", err)
	}
	for p.Indicators.AddRow(1, 0) != nil && d.PrintedRowCount() < MaxRowsTotal-1 {
	}
	if err := d.AddProjectError(); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "合计最多") || d.AddProject() != nil {
		t.Fatalf("a project added beyond the total: %v", err)
	}
}

// TestNewerVersionReadable: a file from a newer program is refused by Load, but what can be read
// of it comes with the error so the editor can show it read-only.
func TestNewerVersionReadable(t *testing.T) {
	data, _ := os.ReadFile(samplePath)
	data = []byte(strings.Replace(string(data), `"version": 1`, `"version": 7`, 1))
	data = []byte(strings.Replace(string(data), `"settings": {`, `"settings": {"new_feature": true,`, 1))
	_, err := Unmarshal(data)
	var ne *NewerVersionError
	if !errors.As(err, &ne) || ne.Version != 7 || ne.Doc == nil || ne.Doc.Unit.Name != "抚顺市社会保险事业服务中心" {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "更新版本") {
		t.Fatalf("message %q", err.Error())
	}
}

// TestMigrationSteps: files are upgraded one version at a time, and a missing step is an error.
func TestMigrationSteps(t *testing.T) {
	steps := map[int]migration{
		1: func(doc map[string]json.RawMessage) error { doc["added_in_2"] = json.RawMessage(`"x"`); return nil },
		2: func(doc map[string]json.RawMessage) error {
			if _, ok := doc["added_in_2"]; !ok {
				return errors.New("step 1 did not run")
			}
			doc["added_in_3"] = json.RawMessage(`true`)
			return nil
		},
	}
	data, _ := os.ReadFile(samplePath)
	out, err := migrate(data, 1, 3, steps)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]json.RawMessage
	json.Unmarshal(out, &got)
	if string(got["version"]) != "3" || string(got["added_in_3"]) != "true" || got["unit"] == nil {
		t.Fatalf("migrated: %s", out[:200])
	}
	if _, err := migrate(data, 1, 4, steps); err == nil || !strings.Contains(err.Error(), "版本 3") {
		t.Fatalf("missing step: %v", err)
	}
	if same, _ := migrate(data, FileVersion, FileVersion, migrations); string(same) != string(data) {
		t.Fatal("a current file was changed")
	}
}
