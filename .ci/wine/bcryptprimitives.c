/* Test-only stand-in for Windows' bcryptprimitives.dll, used by .ci/test-windows.
 *
 * Rust's standard library (1.78 and later) gets its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10/11 has, but Wine 8.0 (the version Debian 12
 * ships) does not; without it no Rust .exe starts under that Wine. This DLL provides
 * ProcessPrng on top of RtlGenRandom (advapi32 SystemFunction036), which Wine has. It is
 * copied only into the throwaway Wine prefix of the test and is never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
