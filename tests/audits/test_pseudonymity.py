"""The pseudonymity guard: case codes never hold a child's name or date of birth."""

import pytest
from django.core.exceptions import ValidationError

from audits.models import AuditCase
from audits.pseudonymity import pseudonymous_code_validate


@pytest.mark.parametrize(
    "code",
    [
        "MACA-2015-07",
        "Case 7",
        "case 12",
        "CSE-03",
        "Neglect Case 3",
        "EH 2015 04",
        "Early Help 2",
        "MACA/15/7",
        "CJA-201603-04",
    ],
)
def test_pseudonymous_codes_are_accepted(code):
    pseudonymous_code_validate(code)


@pytest.mark.parametrize(
    "code",
    [
        "Jayden Smith",
        "Mr Smith",
        "Mrs. Khan",
        "Miss K",
        "Baby Olivia",
        "olivia",
        "Case 7 Harry",
        "Amara Okafor",  # two capitalised words: an unlisted name is still refused
        "12/03/2009",
        "12.3.09",
        "2009-03-12",
        "12 March 2009",
        "3rd Jan 2010",
        "March 12, 2009",
        "Case 7 DOB",
    ],
)
def test_names_and_dates_of_birth_are_refused(code):
    with pytest.raises(ValidationError):
        pseudonymous_code_validate(code)


def test_model_clean_refuses_a_name(audit):
    case = AuditCase(programme=audit.programme, code="Tyler Jones")
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "code" in error.value.message_dict


def test_case_form_refuses_a_date_of_birth_and_saves_nothing(audit, client):
    client.force_login(audit.lead)

    response = client.post(
        f"/audits/{audit.programme.pk}/cases/new/",
        {
            "code": "12 March 2009",
            "agencies": [audit.police.pk],
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content and 'href="#id_code"' in content
    assert "could be a date of birth" in content
    assert not AuditCase.objects.exists()
