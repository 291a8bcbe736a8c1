"""Settings: the profile, the country for the emergency number, export and delete all data."""

from __future__ import annotations

import datetime as dt
import json
import math

from fastapi import APIRouter, Depends, Request
from starlette.responses import RedirectResponse, Response

from twitchcare.emergency import numbers
from twitchcare.errors import InputError
from twitchcare.limits import limits
from twitchcare.preferences import forget, get_country, get_units, set_country, set_units
from twitchcare.web.context import kb, settings, store
from twitchcare.web.i18n import _
from twitchcare.web.security import check_csrf
from twitchcare.web.templating import render
from twitchcare.web.units import systems, unit_system

router = APIRouter(prefix="/settings", tags=["pages"], include_in_schema=False)


def _page(request: Request, problem: InputError | None = None, status: int = 200) -> Response:
    from twitchcare.diary.profile import get_profile

    return render(
        request,
        "settings.html",
        {
            "title": _("Settings"),
            "profile": get_profile(store(request)),
            "country": get_country(settings(request).data_dir),
            "countries": sorted(numbers().countries.values(), key=lambda e: e.name),
            "unit_systems": list(systems().values()),
            "chosen_units": get_units(settings(request).data_dir),
            "problem": problem,
            "done": request.query_params.get("done"),
        },
        status=status,
    )


@router.get("")
def page(request: Request) -> Response:
    return _page(request)


@router.post("/profile", dependencies=[Depends(check_csrf)])
async def save_profile(request: Request) -> Response:
    from twitchcare.diary.profile import Profile, set_profile

    form = await request.form()
    try:
        raw_age = str(form.get("age", "")).strip()
        if not raw_age.isdigit() or len(raw_age) > 3:
            raise InputError(field="age", problem=_("give your age in whole years"), hint="0-120")
        raw_weight = str(form.get("weight_kg", "")).strip().replace(",", ".")[:40]
        units = unit_system(get_units(settings(request).data_dir))
        try:
            weight = units.body_weight_kg(float(raw_weight)) if raw_weight else None
        except ValueError:
            raise InputError(
                field="weight_kg", problem=_("is not a number"), hint=_("or leave it empty")
            ) from None
        if weight is not None and not math.isfinite(weight):
            raise InputError(
                field="weight_kg", problem=_("is not a number"), hint=_("or leave it empty")
            )
        if weight is not None and units.body_weight_symbol != "kg":
            low, high = limits().weight_kg.low, limits().weight_kg.high
            if not low <= weight <= high:
                raise InputError(
                    field="weight_kg",
                    problem=_("{value} is out of range").format(
                        value=f"{raw_weight} {units.body_weight_symbol}"
                    ),
                    hint=_("use a value from {low} to {high} {unit}").format(
                        low=f"{units.body_weight(low):g}",
                        high=f"{units.body_weight(high):g}",
                        unit=units.body_weight_symbol,
                    ),
                )
        set_profile(
            store(request),
            Profile(
                age=int(raw_age),
                sex=str(form.get("sex", "")),  # type: ignore[arg-type]
                pregnant=form.get("pregnant") == "yes",
                breastfeeding=form.get("breastfeeding") == "yes",
                athlete=form.get("athlete") == "yes",
                weight_kg=weight,
            ),
        )
    except InputError as exc:
        return _page(request, exc, status=400)
    return RedirectResponse("/settings?done=profile", status_code=303)


@router.post("/country", dependencies=[Depends(check_csrf)])
async def save_country(request: Request) -> Response:
    form = await request.form()
    try:
        set_country(settings(request).data_dir, str(form.get("country", "")))
    except InputError as exc:
        return _page(request, exc, status=400)
    return RedirectResponse("/settings?done=country", status_code=303)


@router.post("/units", dependencies=[Depends(check_csrf)])
async def save_units(request: Request) -> Response:
    form = await request.form()
    try:
        set_units(settings(request).data_dir, str(form.get("units", ""))[:40])
    except InputError as exc:
        return _page(request, exc, status=400)
    return RedirectResponse("/settings?done=units", status_code=303)


@router.get("/export")
def export(request: Request) -> Response:
    """Everything in the diary as one JSON file (the same format as ``twitchcare export``)."""
    from twitchcare.diary.archive import export_json

    body = json.dumps(export_json(store(request)), ensure_ascii=False, indent=1)
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="twitchcare-diary.json"'},
    )


@router.get("/export.fhir.json")
def export_fhir(request: Request) -> Response:
    """The diary as a FHIR R4 Bundle, by the same code as ``twitchcare export --format fhir``."""
    import io

    from twitchcare.reports.fhir import write_bundle

    buffer = io.BytesIO()
    write_bundle(buffer, store(request), kb(request))
    return Response(
        buffer.getvalue(),
        media_type="application/fhir+json",
        headers={"Content-Disposition": 'attachment; filename="twitchcare-fhir-r4.json"'},
    )


def _report_day(raw: str | None, field: str, today: dt.date) -> dt.date | None:
    from twitchcare.diary.parsing import parse_date

    if not raw or not raw.strip():
        return None
    try:
        return parse_date(raw.strip()[:40], today=today)
    except InputError as exc:
        raise InputError(field=field, problem=exc.problem, hint=exc.hint) from None


@router.get("/report.pdf")
def report(request: Request) -> Response:
    """The doctor's report, made by the same code as ``twitchcare report`` (from/to optional)."""
    from twitchcare.reports.content import assemble
    from twitchcare.reports.pdf import render_pdf
    from twitchcare.reports.reading import read_inputs
    from twitchcare.web.diary import today

    day = today()
    try:
        first = _report_day(request.query_params.get("from"), "from", day)
        last = _report_day(request.query_params.get("to"), "to", day)
        inputs = read_inputs(store(request), day, first, last)
    except InputError as exc:
        if exc.hint and "--" in exc.hint:  # the core's hint names the terminal's options
            exc = InputError(field=exc.field, problem=exc.problem, hint=_("first day before last"))
        if not _wants_html(request):
            raise exc from None
        return _page(request, exc, status=400)
    pdf = render_pdf(assemble(kb(request), inputs))
    name = f"twitchcare-report-{inputs.start.isoformat()}-to-{inputs.end.isoformat()}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


@router.post("/delete", dependencies=[Depends(check_csrf)])
async def delete_all(request: Request) -> Response:
    from twitchcare.diary.erase import erase_all

    form = await request.form()
    if form.get("confirm") != "yes":
        problem = InputError(
            field="confirm", problem=_("tick the box to confirm deleting everything")
        )
        return _page(request, problem, status=400)
    erase_all(store(request))
    forget(settings(request).data_dir)
    return RedirectResponse("/settings?done=deleted", status_code=303)
