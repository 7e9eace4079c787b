"""events.day: the calendar day an event is filed, filtered and sorted under.

Event dates are TIMEX3 values ("2024-03", "PRESENT_REF", "P16Y"); comparing them as text put references and
durations among the dates. Existing events get their day from their date and their first report.

Revision ID: 0002
Revises: 0001
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from khabar.store.keys import event_day

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("day", sa.String(length=10), nullable=True))
    op.create_index("ix_events_day", "events", ["day"])
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT events.pk, events.date, articles.published FROM events LEFT JOIN articles ON articles.pk = events.first_article_pk"
    )).all()
    days = [{"pk": pk, "day": event_day(date, _as_date(published))} for pk, date, published in rows]
    if days:
        bind.execute(sa.text("UPDATE events SET day = :day WHERE pk = :pk"), days)


def _as_date(value) -> dt.date | None:
    # a raw query on SQLite hands dates back as text
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def downgrade() -> None:
    op.drop_index("ix_events_day", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("day")
