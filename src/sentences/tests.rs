//! Unit tests of the splitter's rules, one group per rule.

use super::*;

fn split_with(language: &str, mode: NewlineMode, text: &str) -> Vec<String> {
    let s = SentenceSplitter::new(language, Vec::<String>::new(), mode).unwrap();
    s.split(text)
        .iter()
        .map(|sp| sp.of(text).to_string())
        .collect()
}

fn split(text: &str) -> Vec<String> {
    split_with("en", NewlineMode::Auto, text)
}

#[test]
fn basic_terminators() {
    assert_eq!(
        split("Hello World. My name is Jonas."),
        ["Hello World.", "My name is Jonas."]
    );
    assert_eq!(split("What? Yes! Ok."), ["What?", "Yes!", "Ok."]);
}

#[test]
fn titles_never_end_before_a_name_or_number() {
    assert_eq!(
        split("Dr. Smith paid $3.50 to Mr. Jones. Done."),
        ["Dr. Smith paid $3.50 to Mr. Jones.", "Done."]
    );
    assert_eq!(split("Please turn to p. 55."), ["Please turn to p. 55."]);
}

#[test]
fn ambiguous_abbreviations_end_before_a_sentence_starter() {
    assert_eq!(split("I live in the U.S. How about you?").len(), 2);
    assert_eq!(split("I met the U.S. Army there.").len(), 1);
    assert_eq!(split("Let's ask Jane and co. They should know.").len(), 2);
    assert_eq!(split("Were Jane and co. at the party?").len(), 1);
}

#[test]
fn initials() {
    assert_eq!(
        split("My name is Jonas E. Smith."),
        ["My name is Jonas E. Smith."]
    );
    assert_eq!(
        split("We make a good team, you and I. Did you see Albert I. Jones yesterday?").len(),
        2
    );
}

#[test]
fn user_abbreviations() {
    let s = SentenceSplitter::new("en", ["Kgs."], NewlineMode::Auto).unwrap();
    assert_eq!(s.split("It weighs kgs. Ten tons.").len(), 1);
    assert_eq!(split("It weighs kgs. Ten tons.").len(), 2);
}

#[test]
fn marks_before_lower_case_continue() {
    assert_eq!(split("She works at Yahoo! in accounting.").len(), 1);
    assert_eq!(split("Mix it, and -- voila! -- you have cake.").len(), 1);
}

#[test]
fn ellipses() {
    assert_eq!(split("I never meant that.... She left the store.").len(), 2);
    assert_eq!(split("He was weakened . . . was that it? Yes.").len(), 2);
    assert_eq!(
        split("It was combined. . . . The practice was not abandoned."),
        ["It was combined.", ". . . The practice was not abandoned."]
    );
    assert_eq!(
        split("\"Bohr [...] used the analogy [...]\" (Smith 55).").len(),
        1
    );
    assert_eq!(split(". . ."), [". . ."]);
}

#[test]
fn glued_periods() {
    assert_eq!(
        split("Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot."),
        [
            "Hello world.",
            "Today is Tuesday.",
            "Mr. Smith bought 1,000.",
            "That is a lot."
        ]
    );
    assert_eq!(
        split("See www.Example.com and mail bob@site.Com now.").len(),
        1
    );
    assert_eq!(split("It costs 3.50 now.").len(), 1);
}

#[test]
fn emoticons() {
    assert_eq!(
        split("I love her. :) We met in May."),
        ["I love her. :)", "We met in May."]
    );
    assert_eq!(
        split("So much fun :) We left at noon."),
        ["So much fun :)", "We left at noon."]
    );
    assert_eq!(split("Ratio 3:1 and :) ok").len(), 1);
}

#[test]
fn numbers_after_symbols() {
    assert_eq!(
        split("You can find it at N°. 1026.253.553. That is it.").len(),
        2
    );
}

#[test]
fn list_items() {
    assert_eq!(
        split("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        split("a) one thing b) another thing"),
        ["a) one thing", "b) another thing"]
    );
    assert_eq!(split("1.) The first item. 2.) The second item.").len(), 2);
}

#[test]
fn blank_line_and_whitespace() {
    assert_eq!(
        split("  Title\n\nBody text here  "),
        ["Title", "Body text here"]
    );
    assert!(split(" \n\t ").is_empty());
}

#[test]
fn newline_modes() {
    let text = "one line here\nAnother line here";
    assert_eq!(split_with("en", NewlineMode::Split, text).len(), 2);
    assert_eq!(split_with("en", NewlineMode::Ignore, text).len(), 1);
    assert_eq!(split_with("en", NewlineMode::Ignore, "a b\n\nc d").len(), 2);
}

#[test]
fn auto_newlines_in_line_per_item_text() {
    assert_eq!(
        split("features\ncontact manager\nevents, activities\n"),
        ["features", "contact manager", "events, activities"]
    );
    assert_eq!(split("It was a cold \nnight in the city.").len(), 1);
    assert_eq!(
        split("we went to the park\nand it was fun\nsee you there soon"),
        [
            "we went to the park",
            "and it was fun",
            "see you there soon"
        ]
    );
    assert_eq!(split("He left the firm. , 2000 was the year.").len(), 1);
    assert_eq!(split("Ask Dr.\nSmith about it.").len(), 1);
}

#[test]
fn auto_newlines_in_hard_wrapped_text() {
    let text = "The committee met on Tuesday to discuss the budget for the coming\n\
                year, and after a long debate it agreed to raise the allowance for\n\
                Travel by ten percent. It then adjourned.\n\n\
                A second paragraph.";
    assert_eq!(split(text).len(), 3);
}

#[test]
fn other_scripts() {
    assert_eq!(
        split_with(
            "ja",
            NewlineMode::Auto,
            "これはペンです。それはマーカーです。"
        )
        .len(),
        2
    );
    assert_eq!(
        split_with("hi", NewlineMode::Auto, "नमस्ते। आप कैसे हैं?").len(),
        2
    );
    assert_eq!(
        split_with("hy", NewlineMode::Auto, "Ի՞նչ ես մտածում: Ոչինչ:").len(),
        2
    );
    assert_eq!(
        split_with("el", NewlineMode::Auto, "Πού είναι; Εδώ.").len(),
        2
    );
    assert_eq!(split_with("en", NewlineMode::Auto, "Where; here.").len(), 1);
    assert_eq!(split_with("am", NewlineMode::Auto, "አለህ፧መልካም ቀን።").len(), 2);
    assert_eq!(
        split_with("zh", NewlineMode::Auto, "去看《摔跤吧！爸爸》好吗？好！").len(),
        2
    );
}

#[test]
fn ordinals_and_initials_without_starters() {
    assert_eq!(
        split_with("de", NewlineMode::Auto, "Am 12. Juni kam er.").len(),
        1
    );
    assert_eq!(
        split_with("sk", NewlineMode::Auto, "Ide o XII. Pluk.").len(),
        1
    );
    assert_eq!(
        split_with("ru", NewlineMode::Auto, "Л.Н. Толстой писал.").len(),
        1
    );
    assert_eq!(
        split_with("en", NewlineMode::Auto, "He paid $100.00. It was late.").len(),
        2
    );
}

#[test]
fn unknown_language() {
    assert!(matches!(
        SentenceSplitter::new("xx", Vec::<String>::new(), NewlineMode::Auto),
        Err(ConfigError::UnknownLanguage(_))
    ));
}

#[test]
fn adversarial_inputs_finish() {
    // Linear-time shapes (timing is for bench/; here they must just give sane spans).
    let dots = ".".repeat(100_000);
    assert_eq!(split(&dots).len(), 1);
    let spaced = ". ".repeat(50_000);
    assert_eq!(split(&spaced).len(), 1);
    let digits = format!("f.{}bd", "1".repeat(3000));
    assert_eq!(split(&digits).len(), 1);
    // A multi-byte first mark before spaced periods (found by fuzzing).
    assert_eq!(split("Wait… . . . . Then"), ["Wait…", ". . . . Then"]);
    let newlines = "\n".repeat(50_000) + "x";
    assert_eq!(split(&newlines), ["x"]);
}

#[test]
fn english_model_splits_unpunctuated_gaps_only_where_confident() {
    assert_eq!(
        split("We met at the office Thanks for coming"),
        ["We met at the office", "Thanks for coming"]
    );
    assert_eq!(split("I went to New York City last week.").len(), 1);
    assert_eq!(
        split("He said Hello to the Prime Minister of India.").len(),
        1
    );
    // Other languages have no model: the same gap stays.
    assert_eq!(
        split_with(
            "de",
            NewlineMode::Auto,
            "We met at the office Thanks for coming"
        )
        .len(),
        1
    );
}

/// Checks a search for the first byte of a class, `search(bytes, from)`, against `is_target`
/// for every byte value at every offset of a 40-byte run (whole 16- and 8-byte chunks,
/// then the tail), from the start and from just after the byte.
pub(super) fn check_byte_search(search: fn(&[u8], usize) -> usize, is_target: impl Fn(u8) -> bool) {
    for b in 0..=255u8 {
        for at in 0..40 {
            let mut bytes = vec![b'a'; 40];
            bytes[at] = b;
            let expected = if is_target(b) { at } else { 40 };
            assert_eq!(search(&bytes, 0), expected, "byte {b:#x} at {at}");
            assert_eq!(
                search(&bytes, at + 1),
                40,
                "byte {b:#x} at {at}, from after it"
            );
        }
    }
}

#[test]
fn candidate_bytes_are_found_at_every_position() {
    check_byte_search(super::next_candidate_byte, |b| {
        super::CANDIDATE_BYTE[usize::from(b)]
    });
}
