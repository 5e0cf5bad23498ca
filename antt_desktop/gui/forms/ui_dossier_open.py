# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dossier_open.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_DossierOpen(object):
    def setupUi(self, DossierOpen):
        if not DossierOpen.objectName():
            DossierOpen.setObjectName(u"DossierOpen")
        DossierOpen.resize(940, 560)
        DossierOpen.setSizeGripEnabled(True)
        self.main_layout = QVBoxLayout(DossierOpen)
        self.main_layout.setObjectName(u"main_layout")
        self.person_form = QFormLayout()
        self.person_form.setObjectName(u"person_form")
        self.person_id_label = QLabel(DossierOpen)
        self.person_id_label.setObjectName(u"person_id_label")

        self.person_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.person_id_label)

        self.person_box = QVBoxLayout()
        self.person_box.setObjectName(u"person_box")
        self.person_search = QLineEdit(DossierOpen)
        self.person_search.setObjectName(u"person_search")
        self.person_search.setClearButtonEnabled(True)

        self.person_box.addWidget(self.person_search)

        self.person_results = QListWidget(DossierOpen)
        self.person_results.setObjectName(u"person_results")
        self.person_results.setMaximumHeight(140)

        self.person_box.addWidget(self.person_results)

        self.person_chosen = QLabel(DossierOpen)
        self.person_chosen.setObjectName(u"person_chosen")
        self.person_chosen.setWordWrap(True)

        self.person_box.addWidget(self.person_chosen)


        self.person_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.person_box)


        self.main_layout.addLayout(self.person_form)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(24)
        self.columns.setObjectName(u"columns")
        self.dossier_form = QFormLayout()
        self.dossier_form.setObjectName(u"dossier_form")
        self.dossier_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dossier_form.setHorizontalSpacing(12)
        self.dossier_form.setVerticalSpacing(6)
        self.category_code_label = QLabel(DossierOpen)
        self.category_code_label.setObjectName(u"category_code_label")

        self.dossier_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.category_code_label)

        self.category_code = QComboBox(DossierOpen)
        self.category_code.setObjectName(u"category_code")

        self.dossier_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.category_code)

        self.opened_on_label = QLabel(DossierOpen)
        self.opened_on_label.setObjectName(u"opened_on_label")

        self.dossier_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.opened_on_label)

        self.opened_on = QLineEdit(DossierOpen)
        self.opened_on.setObjectName(u"opened_on")
        self.opened_on.setMaxLength(10)

        self.dossier_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.opened_on)

        self.officer_name_label = QLabel(DossierOpen)
        self.officer_name_label.setObjectName(u"officer_name_label")

        self.dossier_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officer_name_label)

        self.officer_name = QLineEdit(DossierOpen)
        self.officer_name.setObjectName(u"officer_name")
        self.officer_name.setMaxLength(120)

        self.dossier_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officer_name)

        self.helper_name_label = QLabel(DossierOpen)
        self.helper_name_label.setObjectName(u"helper_name_label")

        self.dossier_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.helper_name_label)

        self.helper_name = QLineEdit(DossierOpen)
        self.helper_name.setObjectName(u"helper_name")
        self.helper_name.setMaxLength(200)

        self.dossier_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.helper_name)

        self.classification_label = QLabel(DossierOpen)
        self.classification_label.setObjectName(u"classification_label")

        self.dossier_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.classification_label)

        self.classification = QComboBox(DossierOpen)
        self.classification.setObjectName(u"classification")

        self.dossier_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.classification)

        self.risk_notes_label = QLabel(DossierOpen)
        self.risk_notes_label.setObjectName(u"risk_notes_label")

        self.dossier_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.risk_notes_label)

        self.risk_notes = QPlainTextEdit(DossierOpen)
        self.risk_notes.setObjectName(u"risk_notes")
        self.risk_notes.setTabChangesFocus(True)

        self.dossier_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.risk_notes)


        self.columns.addLayout(self.dossier_form)

        self.legal_form = QFormLayout()
        self.legal_form.setObjectName(u"legal_form")
        self.legal_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.legal_form.setHorizontalSpacing(12)
        self.legal_form.setVerticalSpacing(6)
        self.legal_doc_number_label = QLabel(DossierOpen)
        self.legal_doc_number_label.setObjectName(u"legal_doc_number_label")

        self.legal_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.legal_doc_number_label)

        self.legal_doc_number = QLineEdit(DossierOpen)
        self.legal_doc_number.setObjectName(u"legal_doc_number")
        self.legal_doc_number.setMaxLength(60)

        self.legal_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.legal_doc_number)

        self.legal_doc_date_label = QLabel(DossierOpen)
        self.legal_doc_date_label.setObjectName(u"legal_doc_date_label")

        self.legal_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.legal_doc_date_label)

        self.legal_doc_date = QLineEdit(DossierOpen)
        self.legal_doc_date.setObjectName(u"legal_doc_date")
        self.legal_doc_date.setMaxLength(10)

        self.legal_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.legal_doc_date)

        self.legal_issuer_label = QLabel(DossierOpen)
        self.legal_issuer_label.setObjectName(u"legal_issuer_label")

        self.legal_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.legal_issuer_label)

        self.legal_issuer = QLineEdit(DossierOpen)
        self.legal_issuer.setObjectName(u"legal_issuer")
        self.legal_issuer.setMaxLength(200)

        self.legal_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.legal_issuer)

        self.legal_summary_label = QLabel(DossierOpen)
        self.legal_summary_label.setObjectName(u"legal_summary_label")

        self.legal_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.legal_summary_label)

        self.legal_summary = QPlainTextEdit(DossierOpen)
        self.legal_summary.setObjectName(u"legal_summary")
        self.legal_summary.setTabChangesFocus(True)

        self.legal_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.legal_summary)

        self.planned_end_label = QLabel(DossierOpen)
        self.planned_end_label.setObjectName(u"planned_end_label")

        self.legal_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.planned_end_label)

        self.planned_end = QLineEdit(DossierOpen)
        self.planned_end.setObjectName(u"planned_end")
        self.planned_end.setMaxLength(10)

        self.legal_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.planned_end)


        self.columns.addLayout(self.legal_form)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)

        self.main_layout.addLayout(self.columns)

        self.hint_label = QLabel(DossierOpen)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.general_problem = QLabel(DossierOpen)
        self.general_problem.setObjectName(u"general_problem")
        self.general_problem.setWordWrap(True)

        self.main_layout.addWidget(self.general_problem)

        self.buttons = QDialogButtonBox(DossierOpen)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.person_id_label.setBuddy(self.person_search)
        self.category_code_label.setBuddy(self.category_code)
        self.opened_on_label.setBuddy(self.opened_on)
        self.officer_name_label.setBuddy(self.officer_name)
        self.helper_name_label.setBuddy(self.helper_name)
        self.classification_label.setBuddy(self.classification)
        self.risk_notes_label.setBuddy(self.risk_notes)
        self.legal_doc_number_label.setBuddy(self.legal_doc_number)
        self.legal_doc_date_label.setBuddy(self.legal_doc_date)
        self.legal_issuer_label.setBuddy(self.legal_issuer)
        self.legal_summary_label.setBuddy(self.legal_summary)
        self.planned_end_label.setBuddy(self.planned_end)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.person_search, self.person_results)
        QWidget.setTabOrder(self.person_results, self.category_code)
        QWidget.setTabOrder(self.category_code, self.opened_on)
        QWidget.setTabOrder(self.opened_on, self.officer_name)
        QWidget.setTabOrder(self.officer_name, self.helper_name)
        QWidget.setTabOrder(self.helper_name, self.classification)
        QWidget.setTabOrder(self.classification, self.risk_notes)
        QWidget.setTabOrder(self.risk_notes, self.legal_doc_number)
        QWidget.setTabOrder(self.legal_doc_number, self.legal_doc_date)
        QWidget.setTabOrder(self.legal_doc_date, self.legal_issuer)
        QWidget.setTabOrder(self.legal_issuer, self.legal_summary)
        QWidget.setTabOrder(self.legal_summary, self.planned_end)

        self.retranslateUi(DossierOpen)

        QMetaObject.connectSlotsByName(DossierOpen)
    # setupUi

    def retranslateUi(self, DossierOpen):
        pass
    # retranslateUi

