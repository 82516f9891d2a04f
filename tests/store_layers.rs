//! The store has no import cycles (issue 15, item 4): no module of `src/store` uses a
//! sibling (or a sibling's descendant) that uses it back, directly or round a longer loop.
//! A module's use of its own ancestors (`store/mod.rs`, `schema/mod.rs`: the hubs that
//! declare the modules and hold the shared items) is not counted. Read from the sources:
//! every `super::…` and `crate::store::…` path outside comments and test modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module name (`backup`, `schema::member::v2`; the store root is `""`) → its source.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|p| p == "mod") {
                    parts.pop();
                }
                out.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

fn parent(m: &str) -> &str {
    m.rsplit_once("::").map_or("", |(p, _)| p)
}

fn join(base: &str, rest: &str) -> String {
    if base.is_empty() {
        rest.to_string()
    } else {
        format!("{base}::{rest}")
    }
}

/// Code without comment lines and without the `mod tests` at the end.
fn code(src: &str) -> String {
    let src = src
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    src.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths written after `prefix` in `code` (a `{…}` group gives each of its items).
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            out.extend(inner.split(',').map(|s| s.trim().to_string()));
        } else {
            out.push(rest.chars().take_while(|c| ident(*c)).collect());
        }
    }
    out
}

/// The modules each module uses (longest module prefix of each path), ancestors left out.
fn edges(mods: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let resolve = |base: &str, path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        (1..=parts.len())
            .rev()
            .map(|i| join(base, &parts[..i].join("::")))
            .find(|m| mods.contains_key(m))
    };
    let mut out = BTreeMap::new();
    for (m, src) in mods {
        let code = code(src);
        let mut deps = BTreeSet::new();
        let from_super = paths_after(&code, "super::");
        let from_crate = paths_after(&code, "crate::store::");
        for (base, paths) in [(parent(m), from_super), ("", from_crate)] {
            for p in paths {
                if let Some(d) = resolve(base, &p) {
                    deps.insert(d);
                }
            }
        }
        // A module's own ancestors are its hubs, not a sibling.
        deps.retain(|d| d != m && !m.starts_with(&format!("{d}::")) && !d.is_empty());
        out.insert(m.clone(), deps);
    }
    out
}

/// A cycle among the modules, if any (depth-first search).
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for d in edges.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|m| visit(m, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_store_module_uses_a_module_that_uses_it_back() {
    let mods = modules();
    let edges = edges(&mods);
    // The checker sees what it must: restore uses the snapshot, backup uses seal.
    assert!(edges["restore"].contains("snapshot"), "{edges:?}");
    assert!(edges["backup"].contains("seal"), "{edges:?}");
    assert!(edges["schema::member::v2"].contains("schema::member::v1"));
    if let Some(c) = cycle(&edges) {
        panic!("import cycle in the store: {}", c.join(" -> "));
    }
}

#[test]
fn the_checker_finds_a_cycle_when_there_is_one() {
    let mut mods = BTreeMap::new();
    mods.insert("a".to_string(), "use super::b::X;".to_string());
    mods.insert("b".to_string(), "use super::{c, d};".to_string());
    mods.insert(
        "c".to_string(),
        "fn f() { crate::store::a::g() }".to_string(),
    );
    mods.insert("d".to_string(), "// use super::a;\n".to_string());
    assert_eq!(cycle(&edges(&mods)).unwrap(), ["a", "b", "c", "a"]);
    mods.insert("c".to_string(), String::new());
    assert_eq!(cycle(&edges(&mods)), None);
}

/// A new version of a record never encodes through an older version's types: no `vN.rs`
/// of the schema implements `From<&domain>` for a type of another version.
#[test]
fn schema_versions_encode_only_through_their_own_types() {
    for (m, src) in modules() {
        let Some(version) = m
            .strip_prefix("schema::")
            .and_then(|r| r.rsplit_once("::v"))
        else {
            continue;
        };
        let own = format!("V{}", version.1);
        let code = code(&src);
        for (at, _) in code.match_indices("impl From<&") {
            let line = code[at..].lines().next().unwrap_or_default();
            let target = line.rsplit(" for ").next().unwrap_or_default();
            assert!(
                target.contains(&own) || !target.contains('V'),
                "{m}: {line} encodes into another version's type"
            );
        }
    }
}
