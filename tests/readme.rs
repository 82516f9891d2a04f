//! The README's key tables are generated from the default keymap: this test fails when
//! they differ, and `UPDATE_README=1 cargo test --test suite readme::` rewrites them.

use sochibo::app::parts::help::markdown;
use sochibo::keymap::Keymap;

const BEGIN: &str = "<!-- keys:begin (generated from keymaps/default.toml by tests/readme.rs) -->";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_tables_are_the_default_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (Some(b), Some(e)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md has no {BEGIN} … {END} block");
    };
    let table = markdown(&Keymap::defaults());
    let now = &readme[b + BEGIN.len()..e];
    if std::env::var_os("UPDATE_README").is_some() {
        let new = format!("{}{}\n{}", &readme[..b + BEGIN.len()], table, &readme[e..]);
        std::fs::write(path, new).unwrap();
        return;
    }
    assert_eq!(
        now.trim(),
        table.trim(),
        "run UPDATE_README=1 cargo test --test suite readme::"
    );
    // The tables speak of keys people can press, not of letters that would be typing.
    assert!(table.contains("`F8`") && table.contains("`Ctrl+Z`") && table.contains("`Alt+1`"));
}
