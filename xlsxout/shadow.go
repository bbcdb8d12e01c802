package xlsxout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"ziping/forms"
)

// ShadowSheet names the very hidden sheet that carries the document itself, as its file holds
// it (forms.Marshal, compacted): what the printed sheets cannot show (every setting, fields the
// template does not print, how a joined cell was typed) travels in the workbook, and xlsxin
// reads it back beside the visible cells (xlsxin/shadow.go). A "very hidden" sheet is not
// printed, and Excel's 取消隐藏 does not list it, so it is not edited by mistake; the visible
// cells stay the truth for what they show.
const ShadowSheet = "ziping"

// shadowMark is the first cell of ShadowSheet: what the sheet is, and the chunks' format.
const shadowMark = "ziping-document-1"

// shadowChunk is the most runes of JSON one cell holds: Excel's cell limit is 32,767 UTF-16
// units, and a rune is at most two.
const shadowChunk = 16000

// addShadow adds ShadowSheet after the forms: shadowMark in A1, then the document's JSON in
// column A, a chunk a row.
func (wb *workbook) addShadow() error {
	data, err := forms.Marshal(wb.doc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		return fmt.Errorf("编码文档失败：%w", err)
	}
	if _, err := wb.f.NewSheet(ShadowSheet); err != nil {
		return fmt.Errorf("无法添加工作表：%w", err)
	}
	chunks := append([]string{shadowMark}, splitRunes(xmlSafeJSON(buf.String()), shadowChunk)...)
	for i, c := range chunks {
		if err := wb.f.SetCellStr(ShadowSheet, "A"+strconv.Itoa(i+1), c); err != nil {
			return fmt.Errorf("无法写入文档数据：%w", err)
		}
	}
	return wb.f.SetSheetVisible(ShadowSheet, false, true)
}

// xmlSafeJSON escapes as \uXXXX each rune an XML document cannot hold (U+FFFE, U+FFFF): in JSON
// they only occur inside strings, where the escape means the same rune.
func xmlSafeJSON(s string) string {
	var b []byte
	for i, r := range s {
		if r == 0xFFFE || r == 0xFFFF {
			if b == nil {
				b = append(b, s[:i]...)
			}
			b = fmt.Appendf(b, `\u%04x`, r)
			continue
		}
		if b != nil {
			b = utf8.AppendRune(b, r)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// splitRunes cuts s into pieces of at most n runes.
func splitRunes(s string, n int) []string {
	var out []string
	for s != "" {
		cut, k := len(s), 0
		for i := range s {
			if k == n {
				cut = i
				break
			}
			k++
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	return out
}
