package xlsxout

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Fonts named in the styles: 宋体 (SimSun) and 黑体 (SimHei) ship with every Chinese Windows
// and with WPS, which official tables are opened in; elsewhere the reader substitutes its own.
const (
	bodyFont  = "宋体"
	titleFont = "黑体"
)

// Type sizes (pt), as pdfout prints them.
const (
	bodySize  = 9
	titleSize = 17
)

// styleKey identifies a cell style: its role, its number format ("" for text), and whether
// its text starts at the top (a text longer than the cell can show).
type styleKey struct {
	role   role
	numFmt string
	top    bool
}

// styles makes each cell style once per workbook.
type styles struct {
	f   *excelize.File
	ids map[styleKey]int
	// blank holds, for each style, an empty cell of it: the slots a merged cell covers share
	// one value instead of each allocating its own.
	blank map[int]any
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, ids: map[styleKey]int{}, blank: map[int]any{}}
}

// blankCell is an empty cell of style id, for a stream writer's row.
func (s *styles) blankCell(id int) any {
	c, ok := s.blank[id]
	if !ok {
		c = excelize.Cell{StyleID: id}
		s.blank[id] = c
	}
	return c
}

var thinBorders = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1},
	{Type: "right", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1},
	{Type: "bottom", Color: "000000", Style: 1},
}

// id returns the style of key k, made on first use.
func (s *styles) id(k styleKey) (int, error) {
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font:      &excelize.Font{Family: bodyFont, Size: bodySize},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    thinBorders,
	}
	if k.top {
		st.Alignment.Vertical = "top"
	}
	switch k.role {
	case roleLeft:
		st.Alignment.Horizontal = "left"
	case roleTitle:
		st.Font = &excelize.Font{Family: titleFont, Size: titleSize, Bold: true}
		st.Border = nil
	case roleBare:
		st.Alignment.Horizontal, st.Border = "left", nil
	case roleBareEnd:
		st.Alignment.Horizontal, st.Border = "right", nil
	}
	if k.numFmt != "" {
		// A number cannot wrap: one wider than its narrow column (33.33 under 得分) shrinks to
		// fit rather than showing as ###.
		st.CustomNumFmt = &k.numFmt
		st.Alignment.WrapText, st.Alignment.ShrinkToFit = false, true
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("无法建立单元格格式：%w", err)
	}
	s.ids[k] = id
	return id, nil
}
