"""``/api/v1/report`` and ``/api/v1/export/fhir``: the doctor's report and the FHIR R4 Bundle.

Both are made by the same core code as ``twitchcare report`` and ``twitchcare export --format
fhir``; the pages under ``/settings`` offer the same downloads.
"""

from __future__ import annotations

import datetime as dt
import io

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from twitchcare.web.context import kb, store
from twitchcare.web.diary import check_day, today
from twitchcare.web.i18n import _

router = APIRouter(tags=["reports"])
FIRST = Query(None, alias="from", description="First day, YYYY-MM-DD (default: 90 days before to).")
LAST = Query(None, alias="to", description="Last day, YYYY-MM-DD (default: today).")


@router.get(
    "/report",
    summary="The doctor's report as PDF (default: the last 90 days)",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def report(
    request: Request,
    first: dt.date | None = FIRST,
    last: dt.date | None = LAST,
) -> Response:
    from twitchcare.errors import InputError
    from twitchcare.reports.content import assemble
    from twitchcare.reports.pdf import render_pdf
    from twitchcare.reports.reading import read_inputs

    for value, name in ((first, "from"), (last, "to")):
        if value is not None:
            check_day(store(request), value, name)
    try:
        inputs = read_inputs(store(request), today(), first, last)
    except InputError as exc:
        hint = _("from before to") if exc.hint and "--" in exc.hint else exc.hint
        raise InputError(field=exc.field, problem=exc.problem, hint=hint) from None
    return Response(render_pdf(assemble(kb(request), inputs)), media_type="application/pdf")


@router.get(
    "/export/fhir",
    summary="The diary as a FHIR R4 Bundle",
    response_class=Response,
    responses={200: {"content": {"application/fhir+json": {}}}},
)
def export_fhir(request: Request) -> Response:
    from twitchcare.reports.fhir import write_bundle

    buffer = io.BytesIO()
    write_bundle(buffer, store(request), kb(request))
    return Response(buffer.getvalue(), media_type="application/fhir+json")
