"""The template environment: compiled templates kept between runs, for the kit's own templates only."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache

from followup_kit import templating

SOURCE = {"t.j2": "Hello {{ name }}{% macro m(x) %}[{{ x }}]{% endmacro %}{{ m(name) }}"}


def test_only_the_kit_s_own_templates_keep_their_compiled_form(tmp_path: Path) -> None:
    """The kit's own environment caches compiled templates; a workspace's (sandboxed) one never
    does, so sandboxed code is always compiled by the sandbox itself."""
    (tmp_path / "notes").mkdir()
    assert templating.environment().bytecode_cache is not None
    assert templating.environment(tmp_path).bytecode_cache is None


def test_the_kit_s_templates_render_the_same_from_the_cache(tmp_path: Path) -> None:
    """A template compiled, stored and read back renders as it did when compiled."""
    cache = templating._quiet_cache(str(tmp_path))
    first = Environment(loader=DictLoader(SOURCE), bytecode_cache=cache).get_template("t.j2")
    assert len(list(tmp_path.iterdir())) == 1
    again = Environment(loader=DictLoader(SOURCE), bytecode_cache=cache).get_template("t.j2")
    assert first.render(name="Zoë") == again.render(name="Zoë") == "Hello Zoë[Zoë]"


def test_a_cache_that_cannot_be_written_only_compiles_again(tmp_path: Path) -> None:
    """A full, read-only or misplaced cache folder is no error: the template is compiled each time."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cache = templating._quiet_cache(str(blocker))
    env = Environment(loader=DictLoader(SOURCE), bytecode_cache=cache)
    assert env.get_template("t.j2").render(name="Ann") == "Hello Ann[Ann]"


@pytest.mark.parametrize("keep", [20, 40])
def test_a_damaged_cache_file_only_compiles_again(tmp_path: Path, keep: int) -> None:
    """A cache file cut short (a killed write, a full disk) is passed over, not an error."""
    cache = FileSystemBytecodeCache(str(tmp_path))
    Environment(loader=DictLoader(SOURCE), bytecode_cache=cache).get_template("t.j2")
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(stored.read_bytes()[:keep])
    with pytest.raises(Exception):  # Jinja2's own cache stops at it
        Environment(loader=DictLoader(SOURCE), bytecode_cache=cache).get_template("t.j2")
    env = Environment(loader=DictLoader(SOURCE), bytecode_cache=templating._quiet_cache(str(tmp_path)))
    assert env.get_template("t.j2").render(name="Ann") == "Hello Ann[Ann]"


def test_the_kit_s_macro_templates_are_known_as_parsing_them_says() -> None:
    """The kit's templates taken to define macros only, without parsing them each run, do."""
    from followup_kit.resources import templates_dir

    env = templating.environment()
    for name in templating.KIT_MACROS_ONLY:
        assert templating.parsed_macros_only(templating.template_of(env, name)), name
    for path in (templates_dir() / "notes").glob("*.j2"):
        template = templating.template_of(env, path.name)
        assert templating.macros_only(template) == templating.parsed_macros_only(template), path.name


def test_a_workspace_template_of_the_same_name_is_parsed(tmp_path: Path) -> None:
    """A workspace's own _common.j2 with logic of its own is never taken for the kit's."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "_common.j2").write_text("{% set x = person.name %}{% macro m() %}{{ x }}{% endmacro %}")
    template = templating.template_of(templating.environment(tmp_path), "_common.j2")
    assert not templating.macros_only(template)


CALLS = """{% macro m(a, b=2) %}[{{ a }}-{{ b }}]{% endmacro -%}
{% macro all() %}{{ varargs }}{{ kwargs }}{% endmacro -%}
{% macro with_caller() %}<{{ caller() }}>{% endmacro -%}
{{ m(1) }}{{ m(1, 3) }}{{ m(b=5, a=4) }}{% for x in [7, 8] %}{{ m(x) }}{{ pick("slot", 3) }}{% endfor %}
{% block body %}{{ m(9) }}{{ pick(slot="s", count=2) }}{{ all(1, 2, k=3) }}{% endblock %}
{% call with_caller() %}inside{% endcall %}{{ m }}
{% autoescape true %}{{ m("<b>") }}{{ "<i>" }}{% endautoescape %}"""


class _Pick:
    def __call__(self, slot: str, count: int) -> int:
        return len(slot) % count


def test_the_kit_s_quick_calls_give_what_jinja2_s_own_give() -> None:
    """Macros (with defaults, keywords, extra arguments, a caller; in loops and blocks) and a plain
    callable of the kit render the same through the kit's context as through Jinja2's."""
    kit = templating._kit_context()
    assert kit.__name__ == "KitContext"  # the Jinja2 installed has what the quick calls need
    templating.plain_callable(_Pick)
    plain, quick = Environment(), Environment()
    quick.context_class = kit
    rendered = [env.from_string(CALLS).render(pick=_Pick()) for env in (plain, quick)]
    assert rendered[0] == rendered[1]
    assert "[1-2][1-3][4-5][7-2]1[8-2]1" in rendered[1] and "<inside>" in rendered[1]
    assert "[<b>-2]&lt;i&gt;" in rendered[1]  # a macro's text is not escaped again
    assert templating.environment().context_class is kit
