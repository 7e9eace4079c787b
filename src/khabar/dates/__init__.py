class DateTagger:
    name = "dates"
    def __call__(self, doc):
        pass
