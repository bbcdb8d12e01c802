/*
 * bcryptprimitives.dll for Wine 8 (tools/wine/smoke.sh only; never shipped).
 *
 * Why: Go 1.22 and later take random numbers on Windows from ProcessPrng in
 * bcryptprimitives.dll (Windows 10 has it). Debian 12's Wine 8.0 has no such DLL, so every Go
 * program dies at start with "fatal error: bcryptprimitives.dll not found". This stand-in
 * exports ProcessPrng and fills the buffer from RtlGenRandom (advapi32's SystemFunction036),
 * which Wine has. smoke.sh copies it into its throw-away Wine prefix's system32 and enables it
 * with WINEDLLOVERRIDES=bcryptprimitives=n.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
