"""Resolve: what the extracted pieces add up to across documents — actors under canonical names, quotes
merged with their speakers, a timeline of resolved dates, and where sources disagree."""
