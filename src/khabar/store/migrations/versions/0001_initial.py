"""Initial schema: articles, sources, stories, entities, mentions, dates, quotes, events, relations, failures, FTS.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from khabar.store import fts

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ["relations", "event_mentions", "event_actors", "events", "quotes", "dates", "mentions", "articles", "stories",
          "sources", "failures", "entities"]


def upgrade() -> None:
    op.create_table('entities',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('kb_id', sa.String(length=200), nullable=True),
    sa.Column('wikidata', sa.String(length=30), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('actor_code', sa.String(length=50), nullable=True),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('key')
    )
    op.create_table('failures',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('origin', name='uq_failures_origin')
    )
    op.create_table('sources',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('name')
    )
    op.create_table('stories',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('origin_pk', sa.Integer(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('first_published', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_table('articles',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=300), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('source_pk', sa.Integer(), nullable=True),
    sa.Column('wire', sa.String(length=100), nullable=True),
    sa.Column('dateline', sa.String(length=200), nullable=True),
    sa.Column('story_pk', sa.Integer(), nullable=True),
    sa.Column('n_entities', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_quotes', sa.Integer(), nullable=False),
    sa.Column('n_relations', sa.Integer(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['source_pk'], ['sources.pk'], ),
    sa.ForeignKeyConstraint(['story_pk'], ['stories.pk'], ),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_index('ix_articles_doc_id', 'articles', ['doc_id'], unique=False)
    op.create_index('ix_articles_published', 'articles', ['published'], unique=False)
    op.create_index('ix_articles_story', 'articles', ['story_pk'], unique=False)
    op.create_index('ix_articles_url', 'articles', ['url'], unique=False)
    op.create_table('dates',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.String(length=50), nullable=True),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('granularity', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_dates_article', 'dates', ['article_pk'], unique=False)
    op.create_table('events',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('cameo', sa.String(length=10), nullable=True),
    sa.Column('mode', sa.String(length=30), nullable=True),
    sa.Column('date', sa.String(length=30), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.Column('n_articles', sa.Integer(), nullable=False),
    sa.Column('first_article_pk', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['first_article_pk'], ['articles.pk'], ),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('key')
    )
    op.create_index('ix_events_date', 'events', ['date'], unique=False)
    op.create_index('ix_events_type', 'events', ['type'], unique=False)
    op.create_table('mentions',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('entity_pk', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_pk'], ['entities.pk'], ),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_mentions_article', 'mentions', ['article_pk'], unique=False)
    op.create_index('ix_mentions_entity', 'mentions', ['entity_pk'], unique=False)
    op.create_table('quotes',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('speaker_pk', sa.Integer(), nullable=True),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_pk'], ['entities.pk'], ),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_quotes_article', 'quotes', ['article_pk'], unique=False)
    op.create_index('ix_quotes_speaker', 'quotes', ['speaker_pk'], unique=False)
    op.create_table('relations',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('object_pk', sa.Integer(), nullable=False),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_pk'], ['entities.pk'], ),
    sa.ForeignKeyConstraint(['subject_pk'], ['entities.pk'], ),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_relations_object', 'relations', ['object_pk'], unique=False)
    op.create_index('ix_relations_subject', 'relations', ['subject_pk'], unique=False)
    op.create_table('event_actors',
    sa.Column('event_pk', sa.Integer(), nullable=False),
    sa.Column('entity_pk', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entity_pk'], ['entities.pk'], ),
    sa.ForeignKeyConstraint(['event_pk'], ['events.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_pk', 'entity_pk', 'role')
    )
    op.create_index('ix_event_actors_entity', 'event_actors', ['entity_pk', 'role'], unique=False)
    op.create_table('event_mentions',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('event_pk', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('date_source', sa.String(length=30), nullable=True),
    sa.Column('context', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_pk'], ['events.pk'], ),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_event_mentions_article', 'event_mentions', ['article_pk'], unique=False)
    op.create_index('ix_event_mentions_event', 'event_mentions', ['event_pk'], unique=False)
    fts.create(op.get_bind())


def downgrade() -> None:
    fts.drop(op.get_bind())
    for table in TABLES:
        op.drop_table(table)
