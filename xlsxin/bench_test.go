package xlsxin

import (
	"bytes"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// sixty is the sample with 60 project forms of 24 三级 rows each (its four projects, each 二级's
// rows three times), about what a large unit files.
func sixty(b *testing.B) *forms.Document {
	doc := formstest.Sample(b)
	src := doc.Projects
	doc.Projects = nil
	for i := range 60 {
		data, err := forms.Marshal(&forms.Document{Settings: doc.Settings, Unit: doc.Unit, Projects: []*forms.ProjectForm{src[i%len(src)]}})
		if err != nil {
			b.Fatal(err)
		}
		d, err := forms.Unmarshal(data)
		if err != nil {
			b.Fatal(err)
		}
		p := d.Projects[0]
		p.Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
			if len(l2.Rows) == 1 {
				a, c := *in, *in
				l2.Rows = append(l2.Rows, &a, &c)
			}
		})
		doc.Projects = append(doc.Projects, p)
	}
	return doc
}

// Import of Ziping's export of a 60-project document.
func BenchmarkImport60Projects(b *testing.B) {
	data := export(b, sixty(b))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := Import(bytes.NewReader(data), int64(len(data)), "s.xlsx")
		if err != nil || len(res.Doc.Projects) != 60 {
			b.Fatal(err)
		}
	}
}

// How quickly a sheet of 100,000 rows is turned away.
func BenchmarkRefuseTooManyRows(b *testing.B) {
	data := bigSheet(b, 100_000, 0)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import(bytes.NewReader(data), int64(len(data)), "大.xlsx"); err == nil {
			b.Fatal("accepted")
		}
	}
}

func BenchmarkTemplate(b *testing.B) {
	for b.Loop() {
		var buf bytes.Buffer
		if err := Template(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
