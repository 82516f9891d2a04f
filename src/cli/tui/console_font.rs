//! Whether a Windows console window draws with a raster font (no Unicode marks, no
//! Vietnamese letters), read from the console settings in the registry (issue 21 item 4).
//!
//! The crate forbids `unsafe`, so `GetCurrentConsoleFontEx` cannot be called (every
//! binding of it is `unsafe`; crossterm_winapi's safe `font_info` wraps
//! `GetCurrentConsoleFont`, which gives a font index and size, not its face or family).
//! Instead `reg.exe query HKCU\Console /s` is read: the console host takes a window's
//! font from its defaults (`HKCU\Console`) overlaid with a subkey named after the window
//! title or the program's path (`\` written `_`), then a shortcut's own settings, which
//! cannot be read here. Which subkey applied is unknown to the program, so ASCII is chosen
//! only when every window it could be in draws with a raster font.

use std::collections::BTreeMap;

/// A console window's font as its registry values describe it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FontSetting {
    /// `FaceName` ("Terminal" is the raster font; "__DefaultTTFont__", "Consolas",
    /// "Lucida Console" are TrueType).
    pub face: Option<String>,
    /// `FontFamily` (GDI pitch and family: 0x30 raster, 0x36 TrueType).
    pub family: Option<u32>,
}

/// The GDI flag of a TrueType font in `FontFamily` (`TMPF_TRUETYPE`).
const TMPF_TRUETYPE: u32 = 0x04;

impl FontSetting {
    /// These values with `over`'s given values on top (a window's subkey over the defaults).
    pub fn overlaid(&self, over: &FontSetting) -> FontSetting {
        FontSetting {
            face: over.face.clone().or_else(|| self.face.clone()),
            family: over.family.or(self.family),
        }
    }

    /// Whether this is the raster font: the face "Terminal", or no face and a family
    /// without the TrueType flag (Windows 7's defaults: FontFamily 0x30). Nothing set, or
    /// any other face, is not (the console host's own default is TrueType on Windows 10).
    pub fn is_raster(&self) -> bool {
        match self.face.as_deref().map(str::trim) {
            Some(face) if !face.is_empty() => face.eq_ignore_ascii_case("Terminal"),
            _ => self
                .family
                .is_some_and(|f| f != 0 && f & TMPF_TRUETYPE == 0),
        }
    }
}

/// The console settings in `reg.exe query HKCU\Console /s` output: the defaults under
/// `""`, each window's subkey under its name in lower case (registry names ignore case).
pub fn parse_reg_query(text: &str) -> BTreeMap<String, FontSetting> {
    const ROOT: &str = "hkey_current_user\\console";
    let mut keys = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if !line.starts_with(char::is_whitespace) {
            let key = line.trim().to_lowercase();
            current = key
                .strip_prefix(ROOT)
                .and_then(|rest| match rest.strip_prefix('\\') {
                    Some(sub) => Some(sub.to_string()),
                    None => rest.is_empty().then(String::new),
                });
            continue;
        }
        let Some(key) = &current else { continue };
        // "    NAME    REG_TYPE    DATA": the name may hold spaces, the data too.
        let Some(at) = line.find("    REG_") else {
            continue;
        };
        let name = line[..at].trim();
        let rest = line[at..].trim_start();
        let (_, data) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let data = data.trim();
        let entry: &mut FontSetting = keys.entry(key.clone()).or_default();
        if name.eq_ignore_ascii_case("FaceName") {
            entry.face = Some(data.to_string());
        } else if name.eq_ignore_ascii_case("FontFamily") {
            let hex = data.trim_start_matches("0x").trim_start_matches("0X");
            entry.family = u32::from_str_radix(hex, 16).ok();
        }
    }
    keys
}

/// The registry subkeys a console window running this program may take its settings
/// from: the start file's window title "SoChiBo", the program's own path (double-clicked),
/// and the Command Prompt's and PowerShell's paths (started from them).
pub fn window_keys(exe: &str) -> Vec<String> {
    vec![
        "sochibo".into(),
        exe.replace('\\', "_").to_lowercase(),
        "%systemroot%_system32_cmd.exe".into(),
        "%systemroot%_system32_windowspowershell_v1.0_powershell.exe".into(),
    ]
}

/// Whether every console window this program could be drawing in has the raster font:
/// the defaults alone (a window no subkey names) and the defaults overlaid with each of
/// `window_keys` that is set. Nothing read (no settings, reg.exe failed) is `false`.
pub fn no_unicode_font(settings: &BTreeMap<String, FontSetting>, window_keys: &[String]) -> bool {
    let defaults = settings.get("").cloned().unwrap_or_default();
    defaults.is_raster()
        && window_keys
            .iter()
            .filter_map(|k| settings.get(k))
            .all(|w| defaults.overlaid(w).is_raster())
}

/// Reads the console settings with `reg.exe` and says whether the window has no Unicode
/// font (nothing read, as everywhere but Windows: `false`).
pub fn console_lacks_unicode_font() -> bool {
    let Some(text) = reg_query_console() else {
        return false;
    };
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    no_unicode_font(&parse_reg_query(&text), &window_keys(&exe))
}

/// What `reg.exe query HKCU\Console /s` prints (Windows only; `None` if it cannot run).
fn reg_query_console() -> Option<String> {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        use std::process::{Command, Stdio};
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        // The system's reg.exe, not one lying in the current or the program's folder.
        let reg = std::env::var_os("SystemRoot")
            .map(|r| std::path::Path::new(&r).join("System32").join("reg.exe"))
            .filter(|p| p.is_file())
            .unwrap_or_else(|| "reg.exe".into());
        let out = Command::new(reg)
            .args(["query", r"HKCU\Console", "/s"])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .creation_flags(CREATE_NO_WINDOW)
            .output()
            .ok()?;
        Some(String::from_utf8_lossy(&out.stdout).into_owned())
    }
    #[cfg(not(windows))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What reg.exe printed under Wine 8 (CRLF, four-space columns), as on Windows.
    const RASTER_DEFAULTS_TT_WINDOW: &str = "\r\nHKEY_CURRENT_USER\\Console\r\n    FaceName    REG_SZ    Terminal\r\n    FontFamily    REG_DWORD    0x30\r\n\r\nHKEY_CURRENT_USER\\Console\\SoChiBo\r\n    FaceName    REG_SZ    Lucida Console\r\n\r\n";

    fn setting(face: Option<&str>, family: Option<u32>) -> FontSetting {
        FontSetting {
            face: face.map(str::to_string),
            family,
        }
    }

    #[test]
    fn reg_output_is_read_per_key_with_spaces_in_the_data() {
        let keys = parse_reg_query(RASTER_DEFAULTS_TT_WINDOW);
        assert_eq!(keys[""], setting(Some("Terminal"), Some(0x30)));
        assert_eq!(keys["sochibo"], setting(Some("Lucida Console"), None));
        assert_eq!(keys.len(), 2);
        // Other hives, other values and an error message are ignored.
        let keys = parse_reg_query(
            "HKEY_CURRENT_USER\\Consoles\r\n    FaceName    REG_SZ    Terminal\r\nHKEY_CURRENT_USER\\Console\r\n    QuickEdit    REG_DWORD    0x1\r\n    FontFamily    REG_DWORD    0x36\r\n",
        );
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[""], setting(None, Some(0x36)));
        assert!(
            parse_reg_query(
                "ERROR: The system was unable to find the specified registry key or value.\r\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn only_the_terminal_face_or_a_bare_non_truetype_family_is_raster() {
        assert!(setting(Some("Terminal"), None).is_raster());
        assert!(setting(Some("terminal"), Some(0x36)).is_raster());
        assert!(setting(None, Some(0x30)).is_raster());
        assert!(setting(Some(""), Some(0x30)).is_raster());
        for tt in ["Consolas", "Lucida Console", "__DefaultTTFont__"] {
            assert!(!setting(Some(tt), Some(0x30)).is_raster(), "{tt}");
        }
        assert!(!setting(None, Some(0x36)).is_raster());
        // Nothing known: the console host's own default, not assumed raster.
        assert!(!setting(None, None).is_raster());
        assert!(!setting(None, Some(0)).is_raster());
    }

    #[test]
    fn ascii_only_when_every_window_the_program_may_be_in_is_raster() {
        let exe = r"C:\SoChiBo\sochibo.exe";
        let keys = window_keys(exe);
        assert!(keys.contains(&"c:_sochibo_sochibo.exe".to_string()));
        // Raster defaults, but the start file's window "SoChiBo" has Lucida Console.
        let s = parse_reg_query(RASTER_DEFAULTS_TT_WINDOW);
        assert!(!no_unicode_font(&s, &keys));
        // Raster defaults and no window of ours set otherwise.
        let mut s = s;
        s.remove("sochibo");
        assert!(no_unicode_font(&s, &keys));
        // A window key that only changes the family keeps the defaults' raster face.
        s.insert("c:_sochibo_sochibo.exe".into(), setting(None, Some(0x36)));
        assert!(no_unicode_font(&s, &keys));
        s.insert(
            "c:_sochibo_sochibo.exe".into(),
            setting(Some("Consolas"), None),
        );
        assert!(!no_unicode_font(&s, &keys));
        // TrueType defaults (Windows 10), or nothing readable: not switched.
        let tt = parse_reg_query(
            "HKEY_CURRENT_USER\\Console\r\n    FaceName    REG_SZ    __DefaultTTFont__\r\n",
        );
        assert!(!no_unicode_font(&tt, &keys));
        assert!(!no_unicode_font(&BTreeMap::new(), &keys));
    }
}
