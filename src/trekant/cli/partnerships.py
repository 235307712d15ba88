"""`trekant partnerships …`: the register of public-private partnerships, its funding, coverage and network."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from trekant.cli.common import Console, JsonOption, Table, fail, handles_errors, print_json, reading_description, settings, working
from trekant.cli.identity import cli_principal, requires
from trekant.i18n import number
from trekant.lazy import lazy_module
from trekant.partnerships.labels import label
from trekant.textfile import parse_yaml, read_utf8

service = lazy_module("trekant.partnerships.service")

app = typer.Typer(no_args_is_help=True)
org_app = typer.Typer(no_args_is_help=True)
app.add_typer(org_app, name="org", help="Organisations taking part in partnerships (companies with CVR number, …).")

PersonalOption = typer.Option(False, "--include-personal",
                              help="Also show contact persons (personal data; never shown without this).")
StatusOption = typer.Option(None, "--status", help="Only partnerships with this status (idea, active, ended); repeatable.")


def _personal_allowed(cfg, include_personal: bool) -> bool:
    """--include-personal needs a principal allowed to read personal data (on a server store: a signed-in token)."""
    if include_personal:
        from trekant.accounts import rules

        rules.require(cli_principal(cfg), "personal.read")
    return include_personal


def _mdkk(value: float | None, lang: str) -> str:
    return number(None if value is None else value / 1e6, ",.1f", lang)


def _title(key: str, lang: str, demo: bool) -> str:
    return label(key, lang) + (f" — {label('demo', lang)}" if demo else "")


def _words(keys, lang: str) -> str:
    return ", ".join(label(k, lang) for k in keys)


def _pairs(values: list[str] | None) -> list[list[str]]:
    return [v.split(":") for v in values or []]


# ---- register ------------------------------------------------------------------------------------

@app.command("list")
@handles_errors
def list_command(
    search: str = typer.Option(None, "--search", help="Text in the name, description, notes or a partner's name."),
    theme: str = typer.Option(None, "--theme", help="business_development, labour_education, culture_attractiveness, "
                                                    "energy_climate, infrastructure_mobility or planning."),
    municipality: str = typer.Option(None, "--municipality", "-m", help="Code or name of a participating municipality."),
    status: str = typer.Option(None, "--status", help="idea, active or ended."),
    strength: str = typer.Option(None, "--strength", help="industry, transport_logistics or energy_ptx."),
    organisation: str = typer.Option(None, "--organisation", help="Key or part of the name of a partner organisation."),
    include_personal: bool = PersonalOption,
    json_out: bool = JsonOption,
) -> None:
    """List partnerships, filtered by text, theme, municipality, status, strength position or organisation."""
    cfg = settings()
    result = service.list_partnerships(cfg, search, theme, municipality, status, strength, organisation,
                                       _personal_allowed(cfg, include_personal))
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=_title("register", lang, result["demo"]))
    for column in ("key", "name", "status", "themes", "municipalities", "period", "funding_mdkk", "leads"):
        table.add_column(label(column, lang), justify="right" if column == "funding_mdkk" else "left")
    for p in result["partnerships"]:
        period = f"{(p['start'] or '?')[:4]}–{(p['end'] or '')[:4]}"
        name = p["name"] + (f" [{label('demo_mark', lang)}]" if p["demo"] else "")
        table.add_row(p["key"], name, label(p["status"], lang), _words(p["themes"], lang),
                      ", ".join(p["municipality_names"]), period, _mdkk(p["funding_total_dkk"], lang), ", ".join(p["leads"]))
    Console().print(table)


@app.command("show")
@handles_errors
def show_command(key: str = typer.Argument(..., help="Partnership key (see `trekant partnerships list`)."),
                 include_personal: bool = PersonalOption, json_out: bool = JsonOption) -> None:
    """Show one partnership: partners, funding and its split, results, sources; contacts only with --include-personal."""
    cfg = settings()
    p = service.get_partnership(cfg, key, _personal_allowed(cfg, include_personal))
    if json_out:
        print_json(p)
        return
    lang = cfg.language
    demo = f" [{label('demo', lang)}]" if p["demo"] else ""
    Console().print(Text(p["name"], style="bold"), Text(f"({p['key']}){demo} – {label(p['status'], lang)}"), highlight=False)
    if p["description"]:
        Console().print(p["description"], highlight=False)
    Console().print(f"{label('themes', lang)}: {_words(p['themes'], lang)}; {label('strengths', lang)}: "
                  f"{_words(p['strengths'], lang) or label('none', lang)}", highlight=False)
    Console().print(f"{label('municipalities', lang)}: {', '.join(p['municipality_names'])}; {label('period', lang)}: "
                  f"{p['start'] or '?'} – {p['end'] or ''}", highlight=False)
    partners = Table(title=label("partners", lang))
    for column in ("organisation", "kind", "cvr", "role"):
        partners.add_column(label(column, lang))
    for x in p["partners"]:
        org = p["organisations"].get(x["organisation"], {})
        partners.add_row(org.get("name", x["organisation"]), label(org.get("kind", ""), lang), org.get("cvr") or "",
                         label(x["role"], lang))
    Console().print(partners)
    if p["funding"]:
        money = Table(title=f"{label('funding_mdkk', lang)}: {_mdkk(p['funding_total_dkk'], lang)}")
        for column in ("source", "year", "amount_mdkk", "municipality"):
            money.add_column(label(column, lang))
        for f in p["funding"]:
            money.add_row(label(f["source"], lang), str(f["year"] or label("unknown", lang)), _mdkk(f["amount_dkk"], lang),
                          f["municipality"] or "")
        Console().print(money)
    for r in p["results"]:
        Console().print(f"{label('results', lang)}: {r['indicator']}: {number(r['value'], ',.10g', lang)} {r['unit']} "
                      f"({r['year']}{', [' + str(r['source']) + ']' if r['source'] else ''})", highlight=False)
    for s in p["sources"]:
        Console().print(f"[{s['id']}] {s['publisher']} ({s['year'] or 'n.d.'}): {s['title']} {s['url']}",
                      highlight=False, markup=False)
    if p["notes"]:
        Console().print(p["notes"], highlight=False)
    if p["contacts_hidden"]:
        Console().print(f"{label('contacts_hidden', lang)} ({p['contact_count']})", highlight=False)
    else:
        for c in p["contacts"]:
            Console().print(f"{label('contacts', lang)}: {c['name']} {c['email']} {c['phone']} {c['role']}".rstrip(),
                          highlight=False, markup=False)


@app.command("history")
@handles_errors
def history_command(key: str = typer.Argument(..., help="Partnership or organisation key."),
                    json_out: bool = JsonOption) -> None:
    """Every recorded change: who, when, and which fields changed (contact persons: only that they changed)."""
    cfg = settings()
    result = service.history(cfg, key)
    if json_out:
        print_json(result)
        return
    table = Table(title=f"{label('history', cfg.language)}: {key}")
    for column in ("at", "actor", "action", "fields"):
        table.add_column(column)
    for change in result["changes"]:
        table.add_row(change["at"][:19], change["actor"], change["action"], ", ".join(change["detail"].get("changed", {})))
    Console().print(table)


def _fields_from_options(key, name, status, themes, municipalities, strengths, start, end, description, partners,
                         funding, demo) -> dict:
    fields = dict(key=key, name=name, status=status, themes=themes or [], municipalities=municipalities or [],
                  strengths=strengths or [], start=start, end=end, description=description or "", demo=demo)
    fields["partners"] = [dict(organisation=p[0], role=p[1] if len(p) > 1 else "partner")
                          for p in _pairs(partners)]
    lines = []
    for parts in _pairs(funding):
        if len(parts) not in (2, 3):
            fail([f"error [usage] --funding: {':'.join(parts)!r} is not SOURCE:AMOUNT or SOURCE:AMOUNT:YEAR"])
        lines.append(dict(source=parts[0], amount_dkk=parts[1], year=parts[2] if len(parts) == 3 else None))
    fields["funding"] = lines
    return {k: v for k, v in fields.items() if v is not None}


@app.command("add")
@handles_errors
@requires("partnership.edit")
def add_command(
    key: str = typer.Argument(None, help="Key of the new partnership (lower case, digits, '-', '_')."),
    file: Path = typer.Option(None, "--file", help="YAML: one partnership, or `organisations:` and `partnerships:` lists."),
    name: str = typer.Option(None, "--name"),
    status: str = typer.Option("idea", "--status", help="idea, active or ended."),
    theme: list[str] = typer.Option(None, "--theme", help="A theme; repeatable."),
    municipality: list[str] = typer.Option(None, "--municipality", "-m", help="A participating municipality; repeatable."),
    strength: list[str] = typer.Option(None, "--strength", help="A strength position; repeatable."),
    start: str = typer.Option(None, "--start", help="2021-03-01, 2021-03 or 2021."),
    end: str = typer.Option(None, "--end", help="2021-03-01, 2021-03 or 2021."),
    description: str = typer.Option(None, "--description"),
    partner: list[str] = typer.Option(None, "--partner", help="ORGANISATION[:ROLE] (lead, partner, funder); repeatable."),
    funding: list[str] = typer.Option(None, "--funding", help="SOURCE:AMOUNT_DKK[:YEAR]; repeatable."),
    demo: bool = typer.Option(False, "--demo", help="Mark it as demo (invented) data."),
    json_out: bool = JsonOption,
) -> None:
    """Add a partnership from options or a YAML file; everything is checked first and nothing is written on an error."""
    cfg = settings()
    if file is not None:
        if key is not None:
            fail(["error [usage] give either KEY with options or --file, not both"])
        result = service.add_document(cfg, file)
    else:
        if key is None:
            fail(["error [usage] give the KEY of the new partnership, or --file"])
        result = service.add_partnership(cfg, _fields_from_options(key, name, status, theme, municipality, strength,
                                                                   start, end, description, partner, funding, demo))
    _written(result, cfg.language, json_out)


def _written(result: dict, lang: str, json_out: bool) -> None:
    if json_out:
        print_json(result)
        return
    for issue in result.get("issues", []):
        typer.echo(f"{issue['severity']} [{issue['code']}] {issue['source']}: {issue['where']}"
                   f"{', field ' + issue['field'] if issue['field'] else ''}: {issue['message']}", err=True)
    keys = result["partnerships"] + result["organisations"]
    typer.echo(f"{label('written', lang)}: {', '.join(keys) or label('none', lang)}; "
               f"{result['unchanged']} {label('unchanged', lang)}")


def _set_options(values: list[str]) -> dict:
    changes = {}
    for item in values or []:
        if "=" not in item:
            fail([f"error [usage] --set: {item!r} is not FIELD=VALUE"])
        field, value = item.split("=", 1)
        changes[field.strip()] = value
    return changes


def _file_mapping(file: Path | None) -> dict:
    if file is None:
        return {}
    data = parse_yaml(read_utf8(file, "partnership"), str(file))
    if not isinstance(data, dict):
        fail([f"error [usage] {file}: the file must be a YAML mapping of fields"])
    return data


@app.command("edit")
@handles_errors
@requires("partnership.edit")
def edit_command(
    key: str = typer.Argument(..., help="Partnership key."),
    set_: list[str] = typer.Option(None, "--set", help="FIELD=VALUE (lists as 'a; b'); repeatable."),
    file: Path = typer.Option(None, "--file", help="YAML mapping of the fields to change (lists replace the stored ones)."),
    json_out: bool = JsonOption,
) -> None:
    """Change fields of a partnership; the change is checked like an import and kept in its history."""
    cfg = settings()
    changes = {**_file_mapping(file), **_set_options(set_)}
    if not changes:
        fail(["error [usage] nothing to change: give --set FIELD=VALUE or --file"])
    _written(service.edit_partnership(cfg, key, changes), cfg.language, json_out)


@app.command("import")
@handles_errors
@requires("partnership.edit")
def import_command(paths: list[Path] = typer.Argument(..., help="CSV files, folders of them, or XLSX workbooks."),
                   json_out: bool = JsonOption) -> None:
    """Import tables (CSV or XLSX): all or nothing, each problem named by file, row and field."""
    cfg = settings()
    with working(reading_description(paths, cfg.language)):
        written = service.import_files(cfg, paths)
    _written(written, cfg.language, json_out)


@app.command("export")
@handles_errors
def export_command(
    fmt: str = typer.Option(..., "--format", help="csv (a folder, one file per table) or xlsx (one workbook)."),
    out: Path = typer.Option(..., "--out", help="Folder (csv) or file (xlsx) to write."),
    include_personal: bool = typer.Option(False, "--include-personal",
                                          help="Also export the contact persons (personal data): never by default."),
    json_out: bool = JsonOption,
) -> None:
    """Export the register; contact persons are left out unless --include-personal is given."""
    cfg = settings()
    result = service.export(cfg, out, fmt, _personal_allowed(cfg, include_personal))
    if json_out:
        print_json(result)
        return
    for path in result["written"]:
        typer.echo(path)
    if result["demo"]:
        typer.echo(label("demo", cfg.language), err=True)


@app.command("forget")
@handles_errors
@requires("personal.forget")
def forget_command(person: str = typer.Argument(..., help="The person's name or e-mail address."),
                   json_out: bool = JsonOption) -> None:
    """Erase a person's contact data everywhere; the audit log records that it happened, not whose."""
    cfg = settings()
    result = service.forget_person(cfg, person)
    if json_out:
        print_json(result)
        return
    typer.echo(label("forgotten", cfg.language).format(n=result["records_removed"]))


# ---- analyses ------------------------------------------------------------------------------------

def _statuses(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


@app.command("funding")
@handles_errors
def funding_command(status: list[str] = StatusOption, json_out: bool = JsonOption) -> None:
    """Funding by theme, municipality, source and year, and how joint money was split among municipalities."""
    cfg = settings()
    result = service.funding_report(cfg, _statuses(status))
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    for part, key, name in (("by_theme", "theme", "theme"), ("by_municipality", "municipality", "municipality"),
                            ("by_source", "source", "source"), ("by_year", "year", "year")):
        table = Table(title=_title(part, lang, result["demo"]))
        for column in (name, "amount_mdkk", "demo_mdkk"):
            table.add_column(label(column, lang), justify="left" if column == name else "right")
        for row in result[part]:
            shown = row.get("name") or label(str(row[key]), lang)
            table.add_row(shown, _mdkk(row["amount_dkk"], lang), _mdkk(row["demo_dkk"], lang))
        table.add_row(label("total", lang), _mdkk(result["total_dkk"], lang), _mdkk(result["demo_dkk"], lang))
        Console().print(table)
    Console().print(f"{label('method', lang)}: {label('funding_method', lang)}", highlight=False)
    for p in result["partnerships"]:
        Console().print(f"  {p['partnership']}: {', '.join(label('split_' + r, lang) for r in p['municipality_split'])}",
                        highlight=False)


@app.command("coverage")
@handles_errors
def coverage_command(status: list[str] = StatusOption, json_out: bool = JsonOption) -> None:
    """The matrix municipality × theme (active partnerships by default) and its gaps."""
    cfg = settings()
    result = service.coverage_report(cfg, _statuses(status) or ("active",))
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=_title("coverage", lang, result["demo"]))
    table.add_column(label("municipality", lang))
    for theme in result["themes"]:
        table.add_column(label(theme, lang), justify="right")
    names = result["municipality_names"]
    for row in result["matrix"]:
        table.add_row(names.get(row["municipality"], row["municipality"]),
                      *[str(row["counts"][t]) if row["counts"][t] else Text("0", style="red") for t in result["themes"]])
    Console().print(table)
    gaps = result["gaps"]
    Console().print(f"{label('themes_without', lang)}: {_words(gaps['themes_without_partnership'], lang) or label('none', lang)}",
                  highlight=False)
    Console().print(f"{label('municipalities_in_none', lang)}: "
                  f"{', '.join(names.get(m, m) for m in gaps['municipalities_in_none']) or label('none', lang)}",
                  highlight=False)
    Console().print(f"{label('empty_cells', lang)}: {gaps['empty_cell_count']}", highlight=False)


@app.command("network")
@handles_errors
def network_command(status: list[str] = StatusOption, json_out: bool = JsonOption) -> None:
    """The collaboration network: degree and betweenness centrality, cut points, bridges, components."""
    cfg = settings()
    result = service.network_report(cfg, _statuses(status))
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=_title("network", lang, result["demo"]))
    for column in ("organisation", "kind", "degree", "degree_centrality", "betweenness", "bridges"):
        table.add_column(label(column, lang), justify="left" if column in ("organisation", "kind", "bridges") else "right")
    for n in result["nodes"]:
        name = n["name"] + (f" [{label('demo_mark', lang)}]" if n["demo"] else "") + (" *" if n["cut_point"] else "")
        table.add_row(name, label(n["kind"] or "", lang), str(n["degree"]), number(n["degree_centrality"], ".3f", lang),
                      number(n["betweenness_centrality"], ".3f", lang),
                      str(len(n["municipalities"])) if n["bridges_municipalities"] else "")
    Console().print(table)
    Console().print(f"* {label('cut_points', lang)}", highlight=False)
    sizes = ", ".join(str(c["size"]) for c in result["components"])
    Console().print(f"{label('components', lang)}: {len(result['components'])} ({sizes})", highlight=False)
    Console().print(label("network_method", lang), highlight=False)


# ---- organisations -------------------------------------------------------------------------------

@org_app.command("list")
@handles_errors
def org_list_command(json_out: bool = JsonOption) -> None:
    """Organisations: key, name, kind, CVR number, seat, and how many partnerships they take part in."""
    cfg = settings()
    result = service.list_organisations(cfg)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    table = Table(title=_title("organisations", lang, result["demo"]))
    for column in ("key", "name", "kind", "cvr", "municipality", "partnerships"):
        table.add_column(label(column, lang))
    for o in result["organisations"]:
        name = o["name"] + (f" [{label('demo_mark', lang)}]" if o["demo"] else "")
        table.add_row(o["key"], name, label(o["kind"], lang), o["cvr"] or "", o["municipality"] or "", str(o["partnerships"]))
    Console().print(table)


@org_app.command("show")
@handles_errors
def org_show_command(key: str = typer.Argument(...), json_out: bool = JsonOption) -> None:
    """One organisation and the partnerships it takes part in."""
    cfg = settings()
    result = service.get_organisation(cfg, key)
    if json_out:
        print_json(result)
        return
    lang = cfg.language
    Console().print(Text(result["name"], style="bold"), Text(f"({result['key']}) – {label(result['kind'], lang)}"
                                                          f"{', CVR ' + result['cvr'] if result['cvr'] else ''}"),
                  highlight=False)
    for p in result["partnerships"]:
        Console().print(f"  {p['key']}: {p['name']} ({', '.join(label(r, lang) for r in p['roles'])})", highlight=False)


@org_app.command("add")
@handles_errors
@requires("partnership.edit")
def org_add_command(
    key: str = typer.Argument(...),
    name: str = typer.Option(..., "--name"),
    kind: str = typer.Option(..., "--kind", help="public_authority, company, education, association or research."),
    cvr: str = typer.Option(None, "--cvr", help="The company's CVR number (8 digits, modulus 11)."),
    municipality: str = typer.Option(None, "--municipality", "-m", help="Municipality of the seat (code or name)."),
    url: str = typer.Option("", "--url"),
    demo: bool = typer.Option(False, "--demo"),
    json_out: bool = JsonOption,
) -> None:
    """Add an organisation; a bad CVR number or municipality is refused."""
    cfg = settings()
    fields = dict(key=key, name=name, kind=kind, cvr=cvr, municipality=municipality, url=url, demo=demo)
    _written(service.add_organisation(cfg, fields), cfg.language, json_out)


@org_app.command("edit")
@handles_errors
@requires("partnership.edit")
def org_edit_command(key: str = typer.Argument(...),
                     set_: list[str] = typer.Option(None, "--set", help="FIELD=VALUE; repeatable."),
                     json_out: bool = JsonOption) -> None:
    """Change fields of an organisation (name, kind, cvr, municipality, url, demo)."""
    cfg = settings()
    changes = _set_options(set_)
    if not changes:
        fail(["error [usage] nothing to change: give --set FIELD=VALUE"])
    _written(service.edit_organisation(cfg, key, changes), cfg.language, json_out)
