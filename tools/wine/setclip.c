/* setclip.c: puts its argument on the Windows clipboard as text (CF_UNICODETEXT), for
 * tools/wine/smoke.sh to paste a path into the system file dialog with Ctrl+V: typing Chinese
 * characters with xdotool loses some under Wine (each needs a keyboard remapping that Wine may
 * read too late).
 * Build: x86_64-w64-mingw32-gcc -municode -o setclip.exe setclip.c */
#include <windows.h>
#include <string.h>

int wmain(int argc, wchar_t **argv)
{
	if (argc != 2)
		return 2;
	size_t n = (wcslen(argv[1]) + 1) * sizeof(wchar_t);
	HGLOBAL h = GlobalAlloc(GMEM_MOVEABLE, n);
	if (!h)
		return 1;
	memcpy(GlobalLock(h), argv[1], n);
	GlobalUnlock(h);
	for (int i = 0; i < 50 && !OpenClipboard(NULL); i++)
		Sleep(100);
	if (!EmptyClipboard() || !SetClipboardData(CF_UNICODETEXT, h)) {
		CloseClipboard();
		return 1;
	}
	CloseClipboard();
	return 0;
}
