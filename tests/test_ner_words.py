from khabar.ner.words import split_words, word_spans


def test_split_at_whitespace_and_punctuation_keeping_clitics():
    text = "قال (أ ف ب): وصل الرئيسُ إلى وبيلاروسيا، أمس."
    assert split_words(text) == ["قال", "(", "أ", "ف", "ب", ")", ":", "وصل", "الرئيسُ", "إلى", "وبيلاروسيا", "،", "أمس", "."]
    assert [text[s:e] for s, e in word_spans(text)] == split_words(text)
