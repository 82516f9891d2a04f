//! Where the data and the keymap live when the command line does not say: a
//! `sochibo-data` folder beside the program (portable mode: a USB stick), else the
//! platform's folder for the user's program data.
//!
//! The platform folders are read from the environment, not asked of Windows: the
//! `directories` crate asked `SHGetKnownFolderPath` through `windows-sys`, which frees the
//! answer with `combase.dll!CoTaskMemFree`, a DLL Windows 7 lacks (issue 21.2). The paths
//! are the ones `directories` 6 gave for `ProjectDirs::from("vn", "", "sochibo")`:
//!
//! | OS      | data                                   | keymap folder                       |
//! |---------|----------------------------------------|-------------------------------------|
//! | Windows | `%APPDATA%\sochibo\data`               | `%APPDATA%\sochibo\config`          |
//! | macOS   | `~/Library/Application Support/vn.sochibo` (both)                            |
//! | Linux   | `$XDG_DATA_HOME/sochibo` or `~/.local/share/sochibo` | `$XDG_CONFIG_HOME/sochibo` or `~/.config/sochibo` |

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The folder that, beside the program, holds the data instead of the user's folder.
pub const PORTABLE_DIR: &str = "sochibo-data";

/// The user keymap's file name, in the keymap folder.
pub const KEYMAP_FILE: &str = "keymap.toml";

/// The program's folders on this platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformDirs {
    /// Where the data lives.
    pub data: PathBuf,
    /// Where the user keymap lives.
    pub config: PathBuf,
}

/// The `sochibo-data` folder beside the running program, if there is one.
pub fn portable_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    portable_dir_beside(&exe)
}

/// The `sochibo-data` folder beside `exe`, if there is one (a folder, not a file).
pub fn portable_dir_beside(exe: &Path) -> Option<PathBuf> {
    let dir = exe.parent()?.join(PORTABLE_DIR);
    dir.is_dir().then_some(dir)
}

/// The platform folders from the real environment.
pub fn platform_dirs() -> Option<PlatformDirs> {
    platform_dirs_from(&|name| std::env::var_os(name), std::env::home_dir)
}

/// A variable's value if it is set to an absolute path.
fn absolute(env: &dyn Fn(&str) -> Option<OsString>, name: &str) -> Option<PathBuf> {
    env(name).map(PathBuf::from).filter(|p| p.is_absolute())
}

/// The platform folders from the environment `env`; `home` is asked for the home folder
/// only when `HOME` is unset or empty (the system's user database).
#[cfg(windows)]
pub fn platform_dirs_from(
    env: &dyn Fn(&str) -> Option<OsString>,
    _home: fn() -> Option<PathBuf>,
) -> Option<PlatformDirs> {
    let roaming = absolute(env, "APPDATA")
        .or_else(|| absolute(env, "USERPROFILE").map(|p| p.join("AppData").join("Roaming")))?;
    let base = roaming.join("sochibo");
    Some(PlatformDirs {
        data: base.join("data"),
        config: base.join("config"),
    })
}

/// The platform folders from the environment `env`; `home` is asked for the home folder
/// only when `HOME` is unset or empty (the system's user database).
#[cfg(not(windows))]
pub fn platform_dirs_from(
    env: &dyn Fn(&str) -> Option<OsString>,
    home: fn() -> Option<PathBuf>,
) -> Option<PlatformDirs> {
    let home = env("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .or_else(|| home().filter(|h| !h.as_os_str().is_empty()))?;
    if cfg!(target_os = "macos") {
        let dir = home.join("Library/Application Support/vn.sochibo");
        return Some(PlatformDirs {
            data: dir.clone(),
            config: dir,
        });
    }
    let data = absolute(env, "XDG_DATA_HOME").unwrap_or_else(|| home.join(".local/share"));
    let config = absolute(env, "XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config"));
    Some(PlatformDirs {
        data: data.join("sochibo"),
        config: config.join("sochibo"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn no_home() -> Option<PathBuf> {
        None
    }

    fn passwd_home() -> Option<PathBuf> {
        Some(PathBuf::from("/home/from-passwd"))
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn linux_folders_are_the_ones_directories_gave() {
        let plain = platform_dirs_from(&env_of(&[("HOME", "/home/an")]), no_home).unwrap();
        assert_eq!(plain.data, Path::new("/home/an/.local/share/sochibo"));
        assert_eq!(plain.config, Path::new("/home/an/.config/sochibo"));
        let xdg = env_of(&[
            ("HOME", "/home/an"),
            ("XDG_DATA_HOME", "/srv/data"),
            ("XDG_CONFIG_HOME", "/srv/conf"),
        ]);
        let xdg = platform_dirs_from(&xdg, no_home).unwrap();
        assert_eq!(xdg.data, Path::new("/srv/data/sochibo"));
        assert_eq!(xdg.config, Path::new("/srv/conf/sochibo"));
        // Relative XDG values are ignored, as the XDG spec (and `directories`) say.
        let rel = env_of(&[("HOME", "/home/an"), ("XDG_DATA_HOME", "data")]);
        let rel = platform_dirs_from(&rel, no_home).unwrap();
        assert_eq!(rel.data, Path::new("/home/an/.local/share/sochibo"));
        // An empty HOME falls back to the user database; nothing at all gives None.
        let empty = platform_dirs_from(&env_of(&[("HOME", "")]), passwd_home).unwrap();
        assert_eq!(
            empty.data,
            Path::new("/home/from-passwd/.local/share/sochibo")
        );
        assert_eq!(platform_dirs_from(&env_of(&[]), no_home), None);
    }

    #[cfg(windows)]
    #[test]
    fn windows_folders_are_the_ones_directories_gave() {
        let env = env_of(&[("APPDATA", r"C:\Users\An\AppData\Roaming")]);
        let d = platform_dirs_from(&env, no_home).unwrap();
        assert_eq!(
            d.data,
            Path::new(r"C:\Users\An\AppData\Roaming\sochibo\data")
        );
        assert_eq!(
            d.config,
            Path::new(r"C:\Users\An\AppData\Roaming\sochibo\config")
        );
        let env = env_of(&[("USERPROFILE", r"C:\Users\An")]);
        let d = platform_dirs_from(&env, no_home).unwrap();
        assert_eq!(
            d.data,
            Path::new(r"C:\Users\An\AppData\Roaming\sochibo\data")
        );
        assert_eq!(platform_dirs_from(&env_of(&[]), no_home), None);
    }

    #[test]
    fn a_portable_folder_is_used_only_when_it_is_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("sochibo.exe");
        assert_eq!(portable_dir_beside(&exe), None);
        std::fs::write(dir.path().join(PORTABLE_DIR), b"").unwrap();
        assert_eq!(
            portable_dir_beside(&exe),
            None,
            "a file is not a data folder"
        );
        std::fs::remove_file(dir.path().join(PORTABLE_DIR)).unwrap();
        std::fs::create_dir(dir.path().join(PORTABLE_DIR)).unwrap();
        assert_eq!(
            portable_dir_beside(&exe),
            Some(dir.path().join(PORTABLE_DIR))
        );
    }
}
