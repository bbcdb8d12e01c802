package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"ziping/assets"
)

// cjkTheme draws all text with the bundled Noto Sans SC, so Chinese looks the same on every
// system whatever fonts it has, and keeps Fyne's default colours and sizes.
type cjkTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

// NewTheme returns the application theme: Fyne's default look with the bundled CJK fonts.
func NewTheme() fyne.Theme {
	return &cjkTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.SansRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.SansBold),
	}
}

// Font returns the bundled CJK font; monospace and symbol text keep Fyne's own fonts.
func (t *cjkTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}
