class QuoteExtractor:
    name = "quotes"
    def __call__(self, doc):
        pass
