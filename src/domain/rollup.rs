//! The ward roll-up: the figures of many branches added together, each branch's share kept.

use super::stats::Structure;

/// Adds `b` into `a` (every count; ethnicity and religion rows merged by name).
pub fn add(a: &mut Structure, b: &Structure) {
    a.total += b.total;
    a.official += b.official;
    a.probationary += b.probationary;
    a.women += b.women;
    a.exempt += b.exempt;
    for (x, y) in a.ages.iter_mut().zip(b.ages) {
        *x += y;
    }
    for (x, y) in a.schooling.iter_mut().zip(b.schooling) {
        *x += y;
    }
    for (dst, src) in [
        (&mut a.professional, &b.professional),
        (&mut a.theory, &b.theory),
        (&mut a.occupation, &b.occupation),
    ] {
        if dst.len() < src.len() {
            dst.resize(src.len(), 0);
        }
        for (x, y) in dst.iter_mut().zip(src) {
            *x += y;
        }
    }
    for (dst, src) in [
        (&mut a.ethnicity, &b.ethnicity),
        (&mut a.religion, &b.religion),
    ] {
        for (name, n) in src {
            match dst.iter_mut().find(|(k, _)| k == name) {
                Some((_, m)) => *m += n,
                None => dst.push((name.clone(), *n)),
            }
        }
        dst.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{demo, stats};
    use chrono::NaiveDate;

    #[test]
    fn the_sum_of_branches_is_the_structure_of_all_their_members() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let a = demo::demo_members(1, 30, today);
        let b = demo::demo_members(2, 20, today);
        let mut sum = stats::structure(&a, today);
        add(&mut sum, &stats::structure(&b, today));
        let all: Vec<_> = a.iter().chain(&b).cloned().collect();
        let whole = stats::structure(&all, today);
        assert_eq!(sum.total, whole.total);
        assert_eq!(sum.ages, whole.ages);
        assert_eq!(sum.occupation, whole.occupation);
        assert_eq!(sum.ethnicity, whole.ethnicity);
        assert_eq!(
            sum,
            Structure {
                at: sum.at,
                ..whole
            }
        );
    }
}
