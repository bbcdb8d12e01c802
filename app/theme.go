package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"ziping/assets"
)

// cjkTheme draws all text with the bundled Noto Sans SC, so Chinese looks the same on every
// system whatever fonts it has, and keeps Fyne's default colours and sizes.
type cjkTheme struct {
	fyne.Theme
	dark          bool
	regular, bold fyne.Resource
}

// Color forces the light or dark variant whatever the system setting.
func (t *cjkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	v := theme.VariantLight
	if t.dark {
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// NewTheme returns the application theme: Fyne's default look with the bundled CJK fonts,
// light (as office software is) unless dark is true.
func NewTheme(dark bool) fyne.Theme {
	return &cjkTheme{
		dark:    dark,
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

// warmFonts parses the bundled fonts on other goroutines while the window is being created:
// Fyne parses a font the first time text in that style is measured, and doing it here instead
// of on the UI goroutine shortens start-up by the time of that parse.
func warmFonts() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		go fyne.MeasureText("绩效自评", theme.TextSize(), style)
	}
}
