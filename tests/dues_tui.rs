mod common;
use common::Harness;

#[test]
fn debug_screens() {
    let mut h = Harness::demo(&[]);
    h.keys("4");
    println!("{}", h.screen());
    h.keys("jjjjjjjjjjjjjjjjjj");
    println!("{}", h.screen());
    h.keys("<End>");
    println!("{}", h.screen());
    h.keys("e");
    println!("{}", h.screen());
}
