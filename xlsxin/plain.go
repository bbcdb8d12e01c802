package xlsxin

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"ziping/forms"
)

// maxPlaceNotes is how many notes about rows placed elsewhere one sheet gives; the rest are
// counted in one more.
const maxPlaceNotes = 20

// plain reads a sheet that is not a form of Ziping's export as one project: the header row
// of an indicator table (columns named as the header names of forms/tabular.go, one of them the 三级指标), the
// rows under it through forms.ReadIndicatorTable, placed with forms.Tree.Place under the 一级
// and 二级 they name; and the project's header fields from labelled cells above the table.
// A sheet without such a header row, or without rows under it, is left out with a note.
func (imp *importer) plain(s *sheet) error {
	texts := s.texts(nil)
	h, head := findHeader(texts)
	if h < 0 {
		reason := fmt.Sprintf("工作表“%s”中找不到指标表的表头（一行中要有“三级指标”或“指标名称”列，以及“一级指标”“二级指标”“指标值”“分值”等列中的至少一个）", s.name)
		if len(texts) == 0 {
			reason = fmt.Sprintf("工作表“%s”是空的", s.name)
		}
		imp.skip(reason + uncachedNote(s))
		return nil
	}
	fill := head.levelColumns()
	if len(fill) > 0 {
		texts = s.texts(fill) // merged 一级/二级 labels repeat on every row they span
	}
	p := forms.NewProjectForm()
	for _, l1 := range p.Indicators {
		for _, l2 := range l1.Children {
			l2.Rows = []*forms.Indicator{} // the imported rows only, not the new form's starting rows
		}
	}
	if err := imp.labels(s, texts[:h], p); err != nil {
		return err
	}
	start := h + 1
	if head.twoRows {
		start++
	}
	rows, n, examples := imp.dataRows(s, texts, start, head)
	switch {
	case n == 0 && examples > 0: // the template as exported, or with its example row alone kept
		reason := fmt.Sprintf("工作表“%s”只有模板的示例行", s.name)
		imp.onlyExamples = append(imp.onlyExamples, reason)
		imp.note(reason + "（示例行不导入），未导入：请在示例行下面每行填写一个三级指标。")
		return nil
	case n == 0:
		imp.skip(fmt.Sprintf("工作表“%s”的表头下没有指标行", s.name) + uncachedNote(s))
		return nil
	}
	if err := imp.placeRows(s.name, rows, p, len(fill) > 0); err != nil {
		return err
	}
	if err := imp.addProject(p, s.name); err != nil {
		return err
	}
	imp.plainProjects = append(imp.plainProjects, p)
	return nil
}

// uncachedNote says why a sheet read may look empty: formulas without their values saved
// (written by a program that does not compute them) show nothing until a spreadsheet computes
// and saves them.
func uncachedNote(s *sheet) string {
	if s.uncached == 0 {
		return ""
	}
	return fmt.Sprintf("（其中 %d 个公式单元格没有保存计算结果，读不到它们显示的值：请在 Excel 或 WPS 中打开，保存后再导入）", s.uncached)
}

// skip leaves a sheet out for reason, with a note.
func (imp *importer) skip(reason string) {
	imp.skipped = append(imp.skipped, reason)
	imp.note(reason + "，未导入。")
}

// placeRows reads rows (header first) through forms.ReadIndicatorTable into p's tree; a row
// whose 二级 is not found goes under the first 二级 of the 一级 it names, if any.
func (imp *importer) placeRows(sheetName string, rows [][]string, p *forms.ProjectForm, levels bool) error {
	where := fmt.Sprintf("工作表“%s”", sheetName)
	tr, err := forms.ReadIndicatorTable(rows, where)
	if err != nil {
		todo := "：请修改后再导入。"
		if errors.Is(err, forms.ErrLimit) {
			todo = "：请精简文字后再导入。"
		}
		return &Error{Sheet: sheetName, Reason: err.Error() + todo, Err: err}
	}
	for _, ig := range tr.Ignored {
		imp.note(where + ig)
	}
	if !levels {
		imp.note(fmt.Sprintf("%s没有“一级指标”“二级指标”列：%d 行都放在“%s › %s”下，请在项目表中移到相应的二级指标下。",
			where, len(tr.Rows), p.Indicators[0].Name, p.Indicators[0].Children[0].Name))
	}
	var placed []string
	for _, row := range tr.Rows {
		placed = append(placed, p.Indicators.Place([]forms.TableRow{row}, level1Index(p.Indicators, row.Level1), 0)...)
	}
	// p is a new project: its rows with a 得分 are the table's (forms.ReadIndicatorTable marks
	// them 手工调整 until settleManual compares them with the suggestion).
	p.Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		if in.Manual {
			imp.manual = append(imp.manual, in)
		}
	})
	for i, n := range placed {
		if i == maxPlaceNotes {
			imp.note(fmt.Sprintf("%s：……另有 %d 行同上。", where, len(placed)-maxPlaceNotes))
			break
		}
		imp.note(where + n)
	}
	return nil
}

// level1Index is the 一级 of t named name (spaces and a trailing "指标" ignored, as
// forms.Tree.Place compares), else the first.
func level1Index(t forms.Tree, name string) int {
	key := func(s string) string { return strings.TrimSuffix(strings.Join(strings.Fields(s), ""), "指标") }
	for i, l1 := range t {
		if k := key(name); k != "" && key(l1.Name) == k {
			return i
		}
	}
	return 0
}

// headerRow is the header of a plain table: its column per position, whether a second header
// row completes it, and the header texts.
type headerRow struct {
	cols    []forms.Column
	twoRows bool
	header  []string
}

// findHeader returns the first row that maps as a header (forms.MapHeader) with a 三级 column,
// completed by the row below when that row names more columns (a two-row header as printed:
// 三级指标 over 运算符号 | 内容 | 度量单位); -1 when there is none.
func findHeader(texts [][]string) (int, headerRow) {
	for r, row := range texts {
		cols, ok := forms.MapHeader(row)
		if !ok {
			continue
		}
		h := headerRow{cols: cols, header: slices.Clone(row)}
		if r+1 < len(texts) {
			if below, ok := forms.MapHeader(texts[r+1]); ok && addsColumns(cols, below) {
				h = mergeHeader(row, texts[r+1], cols, below)
			}
		}
		if slices.Contains(h.cols, forms.ColumnContent) {
			return r, h
		}
	}
	return -1, headerRow{}
}

// levelColumns are the positions of the 一级 and 二级 columns.
func (h headerRow) levelColumns() map[int]bool {
	fill := map[int]bool{}
	for j, c := range h.cols {
		if c == forms.ColumnLevel1 || c == forms.ColumnLevel2 {
			fill[j] = true
		}
	}
	return fill
}

// addsColumns reports whether below names a column that cols does not.
func addsColumns(cols, below []forms.Column) bool {
	for _, c := range below {
		if c != forms.ColumnNone && !slices.Contains(cols, c) {
			return true
		}
	}
	return false
}

// mergeHeader combines two header rows: a column named in the lower row takes that name.
func mergeHeader(top, bottom []string, topCols, bottomCols []forms.Column) headerRow {
	n := max(len(top), len(bottom))
	h := headerRow{twoRows: true, header: make([]string, n)}
	for j := range n {
		switch {
		case j < len(bottom) && bottomCols[j] != forms.ColumnNone:
			h.header[j] = bottom[j]
		case j < len(top) && topCols[j] != forms.ColumnNone:
			h.header[j] = top[j]
		}
	}
	h.cols, _ = forms.MapHeader(h.header)
	return h
}

// totalRowRE matches the first text of a row of totals, which is not an indicator.
var totalRowRE = regexp.MustCompile(`^(合计|小计|总计|总分|总得分|得分合计|绩效自评总得分)`)

// exampleRE matches the 三级指标 of the template's example row.
var exampleRE = regexp.MustCompile(`^[（(]?示例[）)：:]`)

// dataRows returns the rows to give forms.ReadIndicatorTable: the header first, then each row
// of the sheet at its own index (rows before the table, totals and examples left blank), so
// that the table's line numbers are the sheet's row numbers. A blank 一级 or 二级 cell under
// a filled one continues it. n counts the rows with something in them, examples the
// template's example rows left out.
func (imp *importer) dataRows(s *sheet, texts [][]string, start int, head headerRow) (rows [][]string, n, examples int) {
	rows = make([][]string, len(texts))
	rows[0] = head.header
	last := map[int]string{}
	for r := start; r < len(texts); r++ {
		first, content := head.firstTexts(texts[r])
		switch {
		case first == "":
			continue
		case totalRowRE.MatchString(first):
			imp.note(place(s.name, r, -1) + fmt.Sprintf("：“%s”是合计行，未导入。", first))
			continue
		case exampleRE.MatchString(content):
			imp.note(place(s.name, r, -1) + "：是模板的示例行，未导入。")
			examples++
			continue
		}
		rows[r] = head.continueLevels(texts[r], last)
		n++
	}
	return rows, n, examples
}

// firstTexts returns the first text of row in a recognised column (spaces removed) and its
// 三级指标.
func (h headerRow) firstTexts(row []string) (first, content string) {
	for j, t := range row {
		if j >= len(h.cols) || h.cols[j] == forms.ColumnNone || strings.TrimSpace(t) == "" {
			continue
		}
		if first == "" {
			first = strings.Join(strings.Fields(t), "")
		}
		if h.cols[j] == forms.ColumnContent {
			content = strings.TrimSpace(t)
		}
	}
	return first, content
}

// continueLevels returns a copy of row whose blank 一级 and 二级 cells take the text above
// them (last, by column, updated).
func (h headerRow) continueLevels(row []string, last map[int]string) []string {
	row = slices.Clone(row)
	for j := range h.levelColumns() {
		for len(row) <= j {
			row = append(row, "")
		}
		if strings.TrimSpace(row[j]) == "" {
			row[j] = last[j]
		}
		last[j] = row[j]
	}
	return row
}

// The labels of a project's header fields in a plain sheet, as compared (labelKey).
var (
	labelFields = map[string]func(p *forms.ProjectForm) *string{
		"项目名称":     func(p *forms.ProjectForm) *string { return &p.Name },
		"项目政策名称":   func(p *forms.ProjectForm) *string { return &p.Name },
		"主管部门":     func(p *forms.ProjectForm) *string { return &p.Department },
		"实施单位":     func(p *forms.ProjectForm) *string { return &p.Implementer },
		"实施期":      func(p *forms.ProjectForm) *string { return &p.Period },
		"项目实施期":    func(p *forms.ProjectForm) *string { return &p.Period },
		"年初预算数":    func(p *forms.ProjectForm) *string { return &p.FundRow("T").Initial },
		"全年预算数":    func(p *forms.ProjectForm) *string { return &p.FundRow("T").Full },
		"全年预算数A":   func(p *forms.ProjectForm) *string { return &p.FundRow("T").Full },
		"全年执行数":    func(p *forms.ProjectForm) *string { return &p.FundRow("T").Actual },
		"全年执行数B":   func(p *forms.ProjectForm) *string { return &p.FundRow("T").Actual },
		"预算执行率分值":  func(p *forms.ProjectForm) *string { return &p.FundsWeight },
		"年度总体目标":   func(p *forms.ProjectForm) *string { return &p.Goals[0].Target },
		"年初设定目标":   func(p *forms.ProjectForm) *string { return &p.Goals[0].Target },
		"全年实际完成情况": func(p *forms.ProjectForm) *string { return &p.Goals[0].Result },
	}
	yearLabel = "年度"
	// amountLabels are the labels whose values are amounts in 万元.
	amountLabels = []string{"年初预算数", "全年预算数", "全年预算数A", "全年执行数", "全年执行数B"}
)

// labelKey is a label as compared: no spaces, no trailing colon, no bracketed note.
func labelKey(s string) (key, note string) {
	s = strings.Join(strings.Fields(s), "")
	s = strings.TrimRight(s, "：:")
	return forms.CutBracketed(s)
}

// isLabel reports whether t is a label of a header field (or 年度).
func isLabel(t string) bool {
	k, _ := labelKey(t)
	return labelFields[k] != nil || k == yearLabel
}

// columnNoteRE is a note naming a column in a published table's heading, not a unit:
// "全年预算数(A)", "执行率(B/A)".
var columnNoteRE = regexp.MustCompile(`^[A-Za-z](/[A-Za-z])?$`)

// yearRE finds the year in a title above the table ("2022年度项目绩效自评表").
var yearRE = regexp.MustCompile(`(20\d\d)\s*年`)

// labels reads the header fields of p from the rows above the table: a label's value is in
// the cell after it ("项目名称：X" in one cell, or in the next filled cell to its right that is
// not a label itself), else in the cell below it (a row of labels over a row of values).
func (imp *importer) labels(s *sheet, above [][]string, p *forms.ProjectForm) error {
	year := ""
	for r, row := range above {
		for c, t := range row {
			key, note, value, ok := labelAt(above, r, c)
			switch {
			case !ok, value == "":
			case forms.TooLong(value):
				return errAt(s.name, r, c, fmt.Sprintf("“%s”的内容%v（一个栏目最多 %d 个字）：请精简文字后再导入。", key, forms.ErrLimit, forms.MaxFieldRunes), forms.ErrLimit)
			case key == yearLabel:
				year = strings.TrimSuffix(value, "年")
			case slices.Contains(amountLabels, key) && note != "" && note != "万元" && !columnNoteRE.MatchString(note):
				imp.note(place(s.name, r, c) + fmt.Sprintf("：“%s”的单位是“%s”，金额应以万元为单位，未导入：请换算后填在项目表中。", strings.TrimSpace(t), note))
			default:
				*labelFields[key](p) = value
			}
		}
	}
	if year == "" {
		year = titleYear(above)
	}
	if year != "" && !imp.titled && imp.doc.Settings.Year == "" {
		imp.doc.Settings.Year = year
	}
	return nil
}

// titleYear is the year of a title above the table ("2022年度项目绩效自评表"), or "".
func titleYear(above [][]string) string {
	for _, row := range above {
		if len(row) > 0 {
			if m := yearRE.FindStringSubmatch(row[0]); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// labelAt reads the cell at row r, column c as a label: its key, its bracketed note and its
// value; ok is false when it is not a label.
func labelAt(rows [][]string, r, c int) (key, note, value string, ok bool) {
	t := rows[r][c]
	if k, v, inline := strings.Cut(strings.TrimSpace(t), "："); inline && v != "" {
		key, note = labelKey(k)
		value = strings.TrimSpace(v)
	} else {
		key, note = labelKey(t)
		value = labelValue(rows, r, c)
	}
	return key, note, value, labelFields[key] != nil || key == yearLabel
}

// labelValue is the value of the label at row r, column c (see labels).
func labelValue(rows [][]string, r, c int) string {
	row := rows[r]
	for j := c + 1; j < len(row); j++ {
		t := strings.TrimSpace(row[j])
		if t == "" {
			continue
		}
		if !isLabel(t) {
			return t
		}
		break
	}
	if r+1 < len(rows) && c < len(rows[r+1]) {
		if t := strings.TrimSpace(rows[r+1][c]); !isLabel(t) {
			return t
		}
	}
	return ""
}
