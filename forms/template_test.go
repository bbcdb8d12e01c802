package forms

import (
	"errors"
	"strings"
	"testing"
)

// builtinIDs are the two templates the program ships, for the tests that expect one or the
// other's wording (a template registered by a test is neither).
var builtinIDs = []TemplateID{TemplateLiaoning, TemplateNational}

// testTemplate is a third template defined in this test file alone, as a new province's would
// be in its own files: its own title, labels and check wording, the fund rows of the default.
type testTemplate struct{}

const testTemplateID TemplateID = "test-province"

func (testTemplate) ID() TemplateID { return testTemplateID }
func (testTemplate) Label() string  { return "测试省表式" }
func (testTemplate) ProjectTitle(s Settings) string {
	return s.Year + " 年测试省项目绩效自评表"
}
func (testTemplate) Layout() *ProjectLayout { return &testLayout }

var testLayout = ProjectLayout{
	NameLabel: "项目全称", FundsTitle: "资金（万元）", Expected: "目标", Actual: "完成",
	Completion: true, TargetLabel: "指标值", ActualLabel: "完成值", ReasonsLabel: "原因", WrittenReasons: true,
	Names:  strings.NewReplacer("项目（政策）名称", "项目全称"),
	Totals: "%[3]s",
}

func init() { Register(testTemplate{}) }

// TestThirdTemplate: a template registered from outside the built-in list is offered, stored,
// read back and checked in its own names.
func TestThirdTemplate(t *testing.T) {
	all := AllTemplates()
	if len(all) != len(builtinTemplates)+1 || all[0].ID() != TemplateLiaoning || all[len(all)-1].ID() != testTemplateID {
		t.Fatalf("templates %v", all)
	}
	doc := NewDocument(2021)
	doc.Settings.SetTemplate(testTemplateID)
	doc.AddProject().FundRow("S1").Initial = "10" // a form begun, so that it is checked
	data, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(data)
	if err != nil || back.Settings.TemplateOf().ID() != testTemplateID {
		t.Fatalf("the third template does not load as saved: %v", err)
	}
	if got := back.ProjectTitle(); got != "2021 年测试省项目绩效自评表" {
		t.Errorf("title %q", got)
	}
	found := false
	for _, p := range Evaluate(back).Problems {
		found = found || strings.Contains(p.Message, "项目全称") || strings.Contains(p.Field, "项目全称")
		if strings.Contains(p.Message+p.Field, "项目（政策）名称") {
			t.Errorf("a problem in the default template's names: %+v", p)
		}
	}
	if !found {
		t.Error("no problem names the third template's 项目全称")
	}
}

// TestUnknownTemplateRefused: a file naming a 表式 this program does not have is refused with
// a Chinese reason, never opened (and so never printed) as another template.
func TestUnknownTemplateRefused(t *testing.T) {
	doc := NewDocument(2021)
	doc.Settings.Template = "hebei"
	data, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Unmarshal(data)
	var unknown *UnknownTemplateError
	if !errors.As(err, &unknown) || unknown.ID != "hebei" {
		t.Fatalf("an unknown template opened: %v", err)
	}
	for _, want := range []string{"表式“hebei”无法识别", "辽宁省表式", "全国通用表式"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	if _, err := LookupTemplate(""); err != nil {
		t.Errorf("the default template: %v", err)
	}
}
