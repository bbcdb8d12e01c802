/* holdopen.c: holds a file open as WPS, Excel, a PDF reader or a sync client does (shared for
 * reading and writing, not for deletion, so Windows refuses to replace it) until a second file,
 * the signal to let go, exists; at most 60 s. It prints "held" once the file is open. For
 * tools/wine/smoke.sh: saving over a document another program holds open.
 * Build: x86_64-w64-mingw32-gcc -municode -o holdopen.exe holdopen.c */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
	if (argc != 3)
		return 2;
	HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
			       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return 1;
	printf("held\n");
	fflush(stdout);
	for (int i = 0; i < 600 && GetFileAttributesW(argv[2]) == INVALID_FILE_ATTRIBUTES; i++)
		Sleep(100);
	CloseHandle(h);
	return 0;
}
