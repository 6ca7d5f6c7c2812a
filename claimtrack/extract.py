"""The extract stage: quotes first, then claims (a claim inside a quote takes its speaker)."""
from __future__ import annotations

from collections.abc import Iterable

from claimtrack.claims import extract_claims
from claimtrack.quotes import extract_quotes
from claimtrack.records import Article, Claim, Quote


def extract_text(text: str, article_id: str = "") -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of one text; offsets are relative to ``text``."""
    quotes = extract_quotes(text, article_id)
    claims = extract_claims(text, article_id, quotes)
    return quotes, claims


def extract_articles(articles: Iterable[Article]) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of a batch of articles, in article order."""
    all_quotes: list[Quote] = []
    all_claims: list[Claim] = []
    for article in articles:
        quotes, claims = extract_text(article.text, article.article_id)
        all_quotes.extend(quotes)
        all_claims.extend(claims)
    return all_quotes, all_claims
