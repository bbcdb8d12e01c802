package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"sync"
)

// The built-in template follows GB/T 9704-2012 (党政机关公文格式) as far as a report needs: A4,
// margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the body 仿宋 三号 (16 pt) at an exact
// 28-pt line spacing with a first-line indent of two characters; first-level headings (一、) 黑体,
// second-level (（一）) 楷体, both 三号; the title 宋体 二号 bold (小标宋 is not on every computer);
// the page number "— 1 —" in 宋体 四号 at the foot, centred. The fonts are the ones every Chinese
// Windows and WPS has (仿宋, 黑体, 楷体, 宋体), named as East Asian fonts (w:eastAsia), so nothing
// is substituted; digits and Latin letters use Times New Roman.

// twips per millimetre (1 in = 25.4 mm = 1440 twips).
const twipsPerMM = 1440 / 25.4

func mm(v float64) int { return int(v*twipsPerMM + 0.5) }

// outline is the built-in template's body, one paragraph per line: "style|text". Styles are
// those of styles.xml below; a line of a block marker is written in the body style.
var outline = []string{
	"Title|{{年度}}年度{{单位名称}}绩效自评报告",
	"Normal|{{#单位}}",
	"Heading1|一、基本情况",
	"Heading2|（一）单位概况",
	"Normal|{{单位概况}}",
	"Heading2|（二）资金情况",
	"Normal|{{资金情况}}",
	"Heading2|（三）绩效目标",
	"Normal|{{绩效目标}}",
	"Heading1|二、绩效目标完成情况",
	"Normal|{{指标完成情况}}",
	"Heading1|三、偏差及原因分析",
	"Normal|{{偏差分析}}",
	"Heading1|四、存在的问题和改进措施",
	"Normal|{{存在问题}}",
	"Normal|{{改进措施}}",
	"Heading1|五、自评结论及结果应用",
	"Normal|{{自评结论}}",
	"Normal|{{结果应用}}",
	"Normal|{{/单位}}",
	"Normal|{{#项目}}",
	"Subtitle|项目{{项目序号}}：{{项目名称}}",
	"Heading1|一、基本情况",
	"Heading2|（一）项目概况",
	"Normal|{{项目概况}}",
	"Heading2|（二）资金情况",
	"Normal|{{资金情况}}",
	"Heading2|（三）绩效目标",
	"Normal|{{绩效目标}}",
	"Heading1|二、绩效目标完成情况",
	"Normal|{{指标完成情况}}",
	"Heading1|三、偏差及原因分析",
	"Normal|{{偏差分析}}",
	"Heading1|四、存在的问题和改进措施",
	"Normal|{{存在问题}}",
	"Normal|{{改进措施}}",
	"Heading1|五、自评结论及结果应用",
	"Normal|{{自评结论}}",
	"Normal|{{结果应用}}",
	"Normal|{{/项目}}",
	"Annex|附件",
	"Subtitle|佐证材料清单",
	"Normal|{{佐证材料说明}}",
	"Normal|{{#佐证材料}}",
	"Normal|{{材料序号}}. {{材料句}}",
	"Normal|{{/佐证材料}}",
}

var (
	defaultOnce sync.Once
	defaultDocx []byte
)

// DefaultTemplate is the built-in report template, a .docx: `ziping report-template` writes it
// for a user to edit. The same bytes every time.
func DefaultTemplate() []byte {
	defaultOnce.Do(func() { defaultDocx = buildDefault() })
	return bytes.Clone(defaultDocx)
}

func buildDefault() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps},
		{"word/document.xml", documentXML()},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML},
		{"word/_rels/document.xml.rels", documentRels},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			panic(err) // writing to memory
		}
		_, _ = w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func documentXML() string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	for _, line := range outline {
		style, text, _ := strings.Cut(line, "|")
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t xml:space="preserve">`)
		_ = xml.EscapeText(&b, []byte(text))
		b.WriteString(`</w:t></w:r></w:p>`)
	}
	b.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>`)
	b.WriteString(`<w:pgSz w:w="11906" w:h="16838"/>`)
	b.WriteString(`<w:pgMar w:top="` + strconv.Itoa(mm(37)) + `" w:right="` + strconv.Itoa(mm(26)) + `" w:bottom="` + strconv.Itoa(mm(35)) +
		`" w:left="` + strconv.Itoa(mm(28)) + `" w:header="851" w:footer="` + strconv.Itoa(mm(28)) + `" w:gutter="0"/>`)
	b.WriteString(`<w:docGrid w:type="lines" w:linePitch="560"/></w:sectPr></w:body></w:document>`)
	return b.String()
}

// fonts is a run's fonts: Times New Roman for Latin text and digits, east for Chinese.
func fonts(east string) string {
	return `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="` + east + `" w:cs="Times New Roman" w:hint="eastAsia"/>`
}

// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt.
const (
	size2 = `<w:sz w:val="44"/><w:szCs w:val="44"/>`
	size3 = `<w:sz w:val="32"/><w:szCs w:val="32"/>`
	size4 = `<w:sz w:val="28"/><w:szCs w:val="28"/>`
	// line28 is the exact 28-pt line spacing (560 twips).
	line28  = `<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>`
	indent2 = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
)

var stylesXML = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts("仿宋") + size3 + `<w:kern w:val="2"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr>` + line28 + `</w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/>` + indent2 + `</w:pPr><w:rPr>` + fonts("仿宋") + size3 + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + fonts("宋体") + `<w:b/><w:bCs/>` + size2 + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:pageBreakBefore/><w:keepNext/><w:spacing w:before="0" w:after="280" w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + fonts("宋体") + `<w:b/><w:bCs/>` + size2 + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>` + fonts("黑体") + size3 + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr>` + fonts("楷体") + size3 + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Annex"><w:name w:val="附件"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:pageBreakBefore/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr>` + fonts("黑体") + size3 + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>` + fonts("宋体") + size4 + `</w:rPr></w:style>` +
	`</w:styles>`

// footerXML is the page number "— 1 —": a PAGE field between em dashes.
const footerXML = xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`

const settingsXML = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

const coreProps = xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
	`<dc:title>绩效自评报告</dc:title><dc:creator>绩效自评 Ziping</dc:creator></cp:coreProperties>`
