package xlsxin

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// sharedStrings reads the string table: each item's text, its runs joined, without the
// phonetic guides (rPh) that East Asian editors add.
func sharedStrings(data []byte, bud *budget) ([]string, error) {
	st := stringTable{out: []string{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return st.out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := bud.element(); err != nil {
				return nil, err
			}
			st.open(t.Name.Local, 1)
		case xml.EndElement:
			st.open(t.Name.Local, -1)
		case xml.CharData:
			if st.inT && st.phonetic == 0 {
				st.text.Write(t)
			}
		}
	}
}

// stringTable is sharedStrings' state: the items read, the text of the one being read, whether
// within a text element (t) and how deep within phonetic guides (rPh).
type stringTable struct {
	out      []string
	text     strings.Builder
	inT      bool
	phonetic int
}

// open takes the start (by 1) or the end (by -1) of the element named local.
func (st *stringTable) open(local string, by int) {
	switch local {
	case "si":
		if by > 0 {
			st.text.Reset()
		} else {
			st.out = append(st.out, st.text.String())
		}
	case "t":
		st.inT = by > 0
	case "rPh":
		st.phonetic += by
	}
}
