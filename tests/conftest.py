import pytest


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def gazetteer():
    from eventwire.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="session")
def pipeline(nlp, gazetteer):
    from eventwire.pipeline import Pipeline

    return Pipeline(gazetteer=gazetteer, nlp=nlp)
