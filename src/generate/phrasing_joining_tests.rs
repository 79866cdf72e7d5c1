//! Tests of the phrasing of joined sentences: "also" after a leading name, lists read as a sentence
//! and the verb after a list agreeing with it.

use super::*;

#[test]
fn also_goes_after_the_leading_name_and_behind_an_auxiliary() {
    assert_eq!(
        add_also("Dead Presidents was directed by Hughes.", "Dead Presidents"),
        "Dead Presidents was also directed by Hughes."
    );
    assert_eq!(
        add_also("Iovine co-founded Beats Electronics.", "Iovine"),
        "Iovine also co-founded Beats Electronics."
    );
    // A sentence that does not open with the name is left alone.
    assert_eq!(
        add_also("The mother of Dre is interviewed.", "Dre"),
        "The mother of Dre is interviewed."
    );
}

#[test]
fn lists_read_as_a_sentence_lists_them() {
    let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(join_list(&names(&["A"])), "A");
    assert_eq!(join_list(&names(&["A", "B"])), "A and B");
    assert_eq!(join_list(&names(&["A", "B", "C"])), "A, B and C");
    assert_eq!(join_list(&[]), "");
    assert_eq!(
        plural_after("A and B is credited as a writer of X.", "A and B"),
        "A and B are each credited as a writer of X."
    );
    assert_eq!(
        plural_after("A and B was born in X.", "A and B"),
        "A and B were each born in X."
    );
    // Only the verb right after a list opening the sentence agrees with it.
    assert_eq!(
        plural_after("X was produced by A and B.", "A and B"),
        "X was produced by A and B."
    );
}
