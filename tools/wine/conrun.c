/*
 * conrun.exe: runs a command as cmd.exe runs a GUI program, in a console of its own, and prints
 * what the program wrote to that console and its exit code (tools/wine/smoke.sh only; never
 * shipped). It checks that `ziping.exe check …` typed in a console prints there
 * (internal/platform/console_windows.go attaches to the parent's console): the program gets no
 * standard handles, as a GUI-subsystem program started from cmd.exe or PowerShell does not, so
 * its output can reach the console only through AttachConsole.
 *
 * Usage: conrun.exe COMMAND-LINE...   prints the console's text, then "exit=N" on stdout.
 * Build: x86_64-w64-mingw32-gcc -municode -o conrun.exe conrun.c
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
	HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE); /* kept: a pipe or file from the caller */
	wchar_t cmd[8192] = L"";
	for (int i = 1; i < argc; i++) {
		wcscat(cmd, L"\"");
		wcsncat(cmd, argv[i], 8000 - wcslen(cmd));
		wcscat(cmd, L"\" ");
	}
	FreeConsole();
	if (!AllocConsole()) {
		fprintf(stderr, "conrun: AllocConsole failed: %lu\n", GetLastError());
		return 100;
	}
	HANDLE con = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE,
		FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
	STARTUPINFOW si = {sizeof si};
	PROCESS_INFORMATION pi;
	/* No STARTF_USESTDHANDLES, no inherited handles: what a GUI program gets from cmd.exe. */
	if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
		fprintf(stderr, "conrun: CreateProcess failed: %lu\n", GetLastError());
		return 101;
	}
	if (WaitForSingleObject(pi.hProcess, 120000) != WAIT_OBJECT_0) {
		TerminateProcess(pi.hProcess, 102);
		fprintf(stderr, "conrun: timed out\n");
		return 102;
	}
	DWORD code = 0;
	GetExitCodeProcess(pi.hProcess, &code);

	CONSOLE_SCREEN_BUFFER_INFO info;
	GetConsoleScreenBufferInfo(con, &info);
	DWORD width = info.dwSize.X, written;
	wchar_t *line = calloc(width + 1, sizeof *line);
	char *utf8 = malloc(4 * width + 2);
	for (SHORT y = 0; y <= info.dwCursorPosition.Y; y++) {
		COORD at = {0, y};
		DWORD got = 0;
		ReadConsoleOutputCharacterW(con, line, width, at, &got);
		while (got > 0 && line[got - 1] == L' ')
			got--;
		int n = WideCharToMultiByte(CP_UTF8, 0, line, got, utf8, 4 * width, NULL, NULL);
		utf8[n++] = '\n';
		WriteFile(out, utf8, n, &written, NULL);
	}
	char tail[32];
	int n = snprintf(tail, sizeof tail, "exit=%lu\n", code);
	WriteFile(out, tail, n, &written, NULL);
	return 0;
}
