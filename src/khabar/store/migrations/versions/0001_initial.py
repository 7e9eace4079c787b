"""Initial schema: articles, sources, stories, entities, mentions, dates, quotes, events, relations, failures, FTS.

Revision ID: 0001
Revises:
"""

from alembic import op

from khabar.store import fts
from khabar.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The first revision is the schema module as it stood; later revisions must use explicit op.* changes.
    bind = op.get_bind()
    metadata.create_all(bind)
    fts.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    fts.drop(bind)
    metadata.drop_all(bind)
