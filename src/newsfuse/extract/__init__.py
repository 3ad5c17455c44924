"""Extract: what each document says about who, what was said, and when — mentions of actors, quotations
with their attribution, and date expressions, all with offsets into the cleaned text."""
