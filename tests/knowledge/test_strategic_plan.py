"""The rules a strategic plan enforces on save."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.knowledge.models import PlanStatus
from tests.factories import ProjectDocumentFactory, StrategicPlanPageFactory, docx_file, pdf_file

pytestmark = pytest.mark.django_db


class TestStrategicPlanClean:
    """An adopted plan records its date; the attached plan is a PDF."""

    def test_draft_plan_without_dates_is_valid(self, site_tree):
        StrategicPlanPageFactory(status=PlanStatus.DRAFT, adopted_on=None).full_clean()

    def test_adopted_plan_needs_its_adoption_date(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.status = PlanStatus.ADOPTED
        plan.adopted_on = None
        with pytest.raises(ValidationError) as excinfo:
            plan.full_clean()
        assert "adopted_on" in excinfo.value.message_dict

    def test_adopted_plan_with_date_is_valid(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.status = PlanStatus.ADOPTED
        plan.adopted_on = datetime.date(2012, 11, 30)
        plan.full_clean()

    def test_non_pdf_attachment_is_refused(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.attachment = ProjectDocumentFactory(file=docx_file("piano.docx"))
        with pytest.raises(ValidationError) as excinfo:
            plan.full_clean()
        assert "attachment" in excinfo.value.message_dict

    def test_pdf_attachment_is_accepted_whatever_the_case_of_its_extension(self, site_tree):
        plan = StrategicPlanPageFactory()
        plan.attachment = ProjectDocumentFactory(file=pdf_file("PIANO.PDF"))
        plan.full_clean()

    def test_refused_plan_is_not_saved(self, site_tree):
        plan = StrategicPlanPageFactory(title="Piano ICT")
        plan.status = PlanStatus.ADOPTED
        plan.adopted_on = None
        with pytest.raises(ValidationError):
            plan.save()
        plan.refresh_from_db()
        assert plan.status == PlanStatus.DRAFT
