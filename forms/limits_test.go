package forms

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// fillEveryText puts n characters into every text field of doc.
func fillEveryText(doc *Document, n int) {
	text := []rune(strings.Repeat("保障办公秩序良好，确保一方平安。2021年", n/20+1))[:n]
	doc.EachText(func(_ string, s *string) { *s = string(text) })
}

// TestTenThousandCharacters: every field holding 10,000 characters saves and reopens identical.
func TestTenThousandCharacters(t *testing.T) {
	doc := cleanDoc()
	fillEveryText(doc, 10_000)
	back, _ := roundTrip(t, doc)
	Evaluate(back)
}

func TestLimitsRefuseOversizedFiles(t *testing.T) {
	long := cleanDoc()
	long.Unit.Name = strings.Repeat("长", MaxFieldRunes+1)
	many := cleanDoc()
	for range MaxProjects {
		many.Projects = append(many.Projects, NewProjectForm())
	}
	rows := cleanDoc()
	for range MaxRowsPerLevel2 + 1 {
		rows.Unit.Indicators[0].Children[0].Rows = append(rows.Unit.Indicators[0].Children[0].Rows, &Indicator{})
	}
	for name, doc := range map[string]*Document{"long field": long, "many projects": many, "many rows": rows} {
		t.Run(name, func(t *testing.T) {
			data, _ := Marshal(doc)
			_, err := Unmarshal(data)
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "超过上限") {
				t.Fatalf("got %v", err)
			}
		})
	}
}

func TestAddRefusedAtLimits(t *testing.T) {
	d := NewDocument(2021)
	for range MaxProjects {
		if d.AddProject() == nil {
			t.Fatal("refused below the limit")
		}
	}
	if d.AddProject() != nil || len(d.Projects) != MaxProjects {
		t.Fatal("project limit not enforced")
	}
	tree := d.Unit.Indicators
	for range MaxRowsPerLevel2 {
		tree.AddRow(0, 0)
	}
	if tree.AddRow(0, 0) != nil || len(tree[0].Children[0].Rows) != MaxRowsPerLevel2 {
		t.Fatal("row limit not enforced")
	}
	for len(tree[0].Children) < MaxLevel2PerLevel {
		tree.AddLevel2(0, "x")
	}
	if tree.AddLevel2(0, "y") != nil {
		t.Fatal("二级 limit not enforced")
	}
	if !TooLong(strings.Repeat("字", MaxFieldRunes+1)) || TooLong(strings.Repeat("字", MaxFieldRunes)) {
		t.Fatal("TooLong")
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
