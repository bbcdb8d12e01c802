package app

import (
	_ "embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhTranslation is our Chinese for the strings Fyne draws itself: dialog buttons, the file
// dialog, the entry's context menu, the automatic 退出 menu item. The keys are those of Fyne's
// lang/translations/base.en.json.
//
//go:embed translations/zh.json
var zhTranslation []byte

// fyneLocales are the languages Fyne 2.7.1 ships translations for (its
// lang/translations/base.*.json). Fyne picks one of them from the system locale and falls back
// to "en" for any other language, so registering our Chinese under every one of them gives
// Chinese dialogs on a German or English Windows too. TestFyneLocalesComplete compares this
// list with the Fyne module, so an upgrade that adds a language is noticed.
var fyneLocales = []fyne.Locale{
	"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt_BR", "ru", "sv", "ta", "uk", "zh_Hans",
}

var languageOnce sync.Once

// setupLanguage makes Fyne's own strings Chinese whatever the system locale. Fyne has no API
// to choose the language, so our translation replaces the one of every language it may pick.
// It registers once per process; later calls do nothing.
func setupLanguage() {
	languageOnce.Do(func() {
		for _, l := range fyneLocales {
			if err := lang.AddTranslationsForLocale(zhTranslation, l); err != nil {
				fyne.LogError("加载界面翻译失败（"+l.String()+"）", err)
			}
		}
	})
}
