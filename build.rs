//! Windows builds only: the program's version and product name in its file properties
//! (Explorer → Properties → Details), as a VERSIONINFO resource compiled by mingw-w64's
//! `windres` and linked into `sochibo.exe`. Nothing happens on other systems.
//!
//! `windres` comes with the mingw-w64 linker the Windows builds already need, so no crate
//! is added for this (`winres`/`embed-resource` call the same tool). Set `WINDRES` to use
//! another one. Without it the build goes on, with a warning, and the .exe has no details.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu") {
        println!("cargo:warning=no version resource: only windows-gnu builds embed one");
        return;
    }
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut nums: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    nums.resize(4, 0);
    let commas = nums
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let rc = format!(
        r#"#pragma code_page(65001)
1 VERSIONINFO
FILEVERSION {commas}
PRODUCTVERSION {commas}
FILEFLAGSMASK 0x3fL
FILEFLAGS 0x0L
FILEOS 0x40004L
FILETYPE 0x1L
FILESUBTYPE 0x0L
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042A04B0"
    BEGIN
      VALUE "CompanyName", "Sổ chi bộ"
      VALUE "FileDescription", "Sổ chi bộ"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "sochibo"
      VALUE "LegalCopyright", "MIT"
      VALUE "OriginalFilename", "sochibo.exe"
      VALUE "ProductName", "Sổ chi bộ"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x042A, 1200
  END
END
"#
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    let rc_path = out.join("sochibo.rc");
    let obj = out.join("sochibo-version.o");
    std::fs::write(&rc_path, rc).expect("write sochibo.rc");

    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let (prefixed, format) = match arch.as_str() {
        "x86" => ("i686-w64-mingw32-windres", "pe-i386"),
        "aarch64" => ("aarch64-w64-mingw32-windres", "pe-aarch64-little"),
        _ => ("x86_64-w64-mingw32-windres", "pe-x86-64"),
    };
    // WINDRES if set, else the cross windres of the target, else a native windres told
    // the target's object format.
    let mut tries: Vec<(String, Vec<&str>)> = Vec::new();
    if let Ok(w) = env::var("WINDRES") {
        tries.push((w, vec![]));
    }
    tries.push((prefixed.to_string(), vec![]));
    tries.push(("windres".to_string(), vec!["-F", format]));
    for (tool, extra) in &tries {
        let status = Command::new(tool)
            .args(extra)
            .args(["-c", "65001", "-O", "coff", "-i"])
            .arg(&rc_path)
            .arg("-o")
            .arg(&obj)
            .status();
        match status {
            Ok(s) if s.success() => {
                println!("cargo:rustc-link-arg-bin=sochibo={}", obj.display());
                return;
            }
            Ok(s) => panic!("{tool} failed ({s}) on {}", rc_path.display()),
            Err(_) => continue,
        }
    }
    println!("cargo:warning=no windres found (mingw-w64): sochibo.exe has no version details");
}
