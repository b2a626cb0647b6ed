"""Official results for everyone: the released competitions, winners and ranking per
category, and when a result was corrected. Read as the public reads them (whoever is signed
in): never a judge's marks, never a draft."""

import streamlit as st

from scoring.i18n import t
from scoring.workspace import release
from scoring.workspace.access import PUBLIC_ACTOR
from scoring.workspace.archive import category_labels
from ui import common, state, who
from ui.views import workspace as model

lang = state.lang()
st.title(t("app.public.title", lang))
archive = who.current().archive
found = release.released_competitions(archive) if archive is not None else None
if found is None or not len(found):
    st.info(t("app.public.none", lang), icon=":material/hourglass_empty:")
    st.stop()

options = model.competition_options(found, lang)
chosen = st.selectbox(t("app.public.choose", lang), list(options), key="public_competition",
                      format_func=lambda cid: common.escape(options[cid]))
released = release.released_results(archive, PUBLIC_ACTOR, chosen, lang=lang)
st.subheader(common.escape(f"{released.title} ({released.year})"))
note = model.released_note(released, lang)
if released.corrected:
    st.warning(common.escape(note), icon=":material/edit_note:")
else:
    st.caption(note)
total = t("app.public.col.total", lang)
labels = category_labels(archive, lang)
for category, winners, ranking in model.public_tables(released, lang):
    st.markdown(f"#### {common.escape(labels.get(category, category))}")
    if len(winners):
        st.markdown(f"**{t('app.public.winners', lang)}**")
        st.markdown("\n".join(f"- {line}"
                               for line in model.winner_lines(winners, lang, common.escape)))
    with st.expander(t("app.public.ranking", lang)):
        common.table(ranking, [total], lang, key=f"public_ranking_{category}")
