# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_editor.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PersonEditor(object):
    def setupUi(self, PersonEditor):
        if not PersonEditor.objectName():
            PersonEditor.setObjectName(u"PersonEditor")
        PersonEditor.resize(1040, 560)
        PersonEditor.setSizeGripEnabled(True)
        self.main_layout = QVBoxLayout(PersonEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.columns = QHBoxLayout()
        self.columns.setSpacing(24)
        self.columns.setObjectName(u"columns")
        self.identity_column = QVBoxLayout()
        self.identity_column.setObjectName(u"identity_column")
        self.identity_form = QFormLayout()
        self.identity_form.setObjectName(u"identity_form")
        self.identity_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.identity_form.setHorizontalSpacing(12)
        self.identity_form.setVerticalSpacing(6)
        self.full_name_label = QLabel(PersonEditor)
        self.full_name_label.setObjectName(u"full_name_label")

        self.identity_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name = QLineEdit(PersonEditor)
        self.full_name.setObjectName(u"full_name")
        self.full_name.setMaxLength(120)

        self.identity_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.full_name)

        self.other_names_label = QLabel(PersonEditor)
        self.other_names_label.setObjectName(u"other_names_label")

        self.identity_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.other_names_label)

        self.other_names = QLineEdit(PersonEditor)
        self.other_names.setObjectName(u"other_names")
        self.other_names.setMaxLength(200)

        self.identity_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.other_names)

        self.born_label = QLabel(PersonEditor)
        self.born_label.setObjectName(u"born_label")

        self.identity_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.born_label)

        self.born = QLineEdit(PersonEditor)
        self.born.setObjectName(u"born")
        self.born.setMaxLength(10)

        self.identity_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.born)

        self.sex_label = QLabel(PersonEditor)
        self.sex_label.setObjectName(u"sex_label")

        self.identity_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sex_label)

        self.sex = QComboBox(PersonEditor)
        self.sex.setObjectName(u"sex")

        self.identity_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sex)

        self.id_number_label = QLabel(PersonEditor)
        self.id_number_label.setObjectName(u"id_number_label")

        self.identity_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.id_number_label)

        self.id_number = QLineEdit(PersonEditor)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(16)

        self.identity_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.id_number)

        self.id_override_reason_label = QLabel(PersonEditor)
        self.id_override_reason_label.setObjectName(u"id_override_reason_label")

        self.identity_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.id_override_reason_label)

        self.id_override_reason = QLineEdit(PersonEditor)
        self.id_override_reason.setObjectName(u"id_override_reason")

        self.identity_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.id_override_reason)

        self.legacy_id_label = QLabel(PersonEditor)
        self.legacy_id_label.setObjectName(u"legacy_id_label")

        self.identity_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.legacy_id_label)

        self.legacy_id = QLineEdit(PersonEditor)
        self.legacy_id.setObjectName(u"legacy_id")
        self.legacy_id.setMaxLength(14)

        self.identity_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.legacy_id)

        self.ethnic_code_label = QLabel(PersonEditor)
        self.ethnic_code_label.setObjectName(u"ethnic_code_label")

        self.identity_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.ethnic_code_label)

        self.ethnic_code = QComboBox(PersonEditor)
        self.ethnic_code.setObjectName(u"ethnic_code")

        self.identity_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.ethnic_code)

        self.religion_code_label = QLabel(PersonEditor)
        self.religion_code_label.setObjectName(u"religion_code_label")

        self.identity_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.religion_code_label)

        self.religion_code = QComboBox(PersonEditor)
        self.religion_code.setObjectName(u"religion_code")

        self.identity_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.religion_code)

        self.nationality_label = QLabel(PersonEditor)
        self.nationality_label.setObjectName(u"nationality_label")

        self.identity_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.nationality_label)

        self.nationality = QLineEdit(PersonEditor)
        self.nationality.setObjectName(u"nationality")
        self.nationality.setMaxLength(40)

        self.identity_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.nationality)

        self.birth_place_label = QLabel(PersonEditor)
        self.birth_place_label.setObjectName(u"birth_place_label")

        self.identity_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.birth_place_label)

        self.birth_place = QLineEdit(PersonEditor)
        self.birth_place.setObjectName(u"birth_place")
        self.birth_place.setMaxLength(200)

        self.identity_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.birth_place)


        self.identity_column.addLayout(self.identity_form)

        self.identity_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.identity_column.addItem(self.identity_spacer)


        self.columns.addLayout(self.identity_column)

        self.residence_column = QVBoxLayout()
        self.residence_column.setObjectName(u"residence_column")
        self.residence_form = QFormLayout()
        self.residence_form.setObjectName(u"residence_form")
        self.residence_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.residence_form.setHorizontalSpacing(12)
        self.residence_form.setVerticalSpacing(6)
        self.permanent_area_id_label = QLabel(PersonEditor)
        self.permanent_area_id_label.setObjectName(u"permanent_area_id_label")

        self.residence_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.permanent_area_id_label)

        self.permanent_area_id = QComboBox(PersonEditor)
        self.permanent_area_id.setObjectName(u"permanent_area_id")

        self.residence_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.permanent_area_id)

        self.permanent_address_label = QLabel(PersonEditor)
        self.permanent_address_label.setObjectName(u"permanent_address_label")

        self.residence_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.permanent_address_label)

        self.permanent_address = QLineEdit(PersonEditor)
        self.permanent_address.setObjectName(u"permanent_address")
        self.permanent_address.setMaxLength(300)

        self.residence_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.permanent_address)

        self.current_area_id_label = QLabel(PersonEditor)
        self.current_area_id_label.setObjectName(u"current_area_id_label")

        self.residence_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.current_area_id_label)

        self.current_area_id = QComboBox(PersonEditor)
        self.current_area_id.setObjectName(u"current_area_id")

        self.residence_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.current_area_id)

        self.current_address_label = QLabel(PersonEditor)
        self.current_address_label.setObjectName(u"current_address_label")

        self.residence_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.current_address_label)

        self.current_address = QLineEdit(PersonEditor)
        self.current_address.setObjectName(u"current_address")
        self.current_address.setMaxLength(300)

        self.residence_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.current_address)

        self.occupation_label = QLabel(PersonEditor)
        self.occupation_label.setObjectName(u"occupation_label")

        self.residence_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.occupation_label)

        self.occupation = QLineEdit(PersonEditor)
        self.occupation.setObjectName(u"occupation")
        self.occupation.setMaxLength(120)

        self.residence_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.occupation)

        self.phone_label = QLabel(PersonEditor)
        self.phone_label.setObjectName(u"phone_label")

        self.residence_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(PersonEditor)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(20)

        self.residence_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phone)

        self.household_label = QLabel(PersonEditor)
        self.household_label.setObjectName(u"household_label")

        self.residence_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.household_label)

        self.household = QLineEdit(PersonEditor)
        self.household.setObjectName(u"household")
        self.household.setMaxLength(20)

        self.residence_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.household)

        self.relation_to_head_label = QLabel(PersonEditor)
        self.relation_to_head_label.setObjectName(u"relation_to_head_label")

        self.residence_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.relation_to_head_label)

        self.relation_to_head = QLineEdit(PersonEditor)
        self.relation_to_head.setObjectName(u"relation_to_head")
        self.relation_to_head.setMaxLength(40)

        self.residence_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.relation_to_head)

        self.notes_label = QLabel(PersonEditor)
        self.notes_label.setObjectName(u"notes_label")

        self.residence_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(PersonEditor)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.residence_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notes)


        self.residence_column.addLayout(self.residence_form)


        self.columns.addLayout(self.residence_column)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)

        self.main_layout.addLayout(self.columns)

        self.hint_label = QLabel(PersonEditor)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.general_problem = QLabel(PersonEditor)
        self.general_problem.setObjectName(u"general_problem")
        self.general_problem.setWordWrap(True)

        self.main_layout.addWidget(self.general_problem)

        self.buttons = QDialogButtonBox(PersonEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.full_name_label.setBuddy(self.full_name)
        self.other_names_label.setBuddy(self.other_names)
        self.born_label.setBuddy(self.born)
        self.sex_label.setBuddy(self.sex)
        self.id_number_label.setBuddy(self.id_number)
        self.id_override_reason_label.setBuddy(self.id_override_reason)
        self.legacy_id_label.setBuddy(self.legacy_id)
        self.ethnic_code_label.setBuddy(self.ethnic_code)
        self.religion_code_label.setBuddy(self.religion_code)
        self.nationality_label.setBuddy(self.nationality)
        self.birth_place_label.setBuddy(self.birth_place)
        self.permanent_area_id_label.setBuddy(self.permanent_area_id)
        self.permanent_address_label.setBuddy(self.permanent_address)
        self.current_area_id_label.setBuddy(self.current_area_id)
        self.current_address_label.setBuddy(self.current_address)
        self.occupation_label.setBuddy(self.occupation)
        self.phone_label.setBuddy(self.phone)
        self.household_label.setBuddy(self.household)
        self.relation_to_head_label.setBuddy(self.relation_to_head)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.full_name, self.other_names)
        QWidget.setTabOrder(self.other_names, self.born)
        QWidget.setTabOrder(self.born, self.sex)
        QWidget.setTabOrder(self.sex, self.id_number)
        QWidget.setTabOrder(self.id_number, self.id_override_reason)
        QWidget.setTabOrder(self.id_override_reason, self.legacy_id)
        QWidget.setTabOrder(self.legacy_id, self.ethnic_code)
        QWidget.setTabOrder(self.ethnic_code, self.religion_code)
        QWidget.setTabOrder(self.religion_code, self.nationality)
        QWidget.setTabOrder(self.nationality, self.birth_place)
        QWidget.setTabOrder(self.birth_place, self.permanent_area_id)
        QWidget.setTabOrder(self.permanent_area_id, self.permanent_address)
        QWidget.setTabOrder(self.permanent_address, self.current_area_id)
        QWidget.setTabOrder(self.current_area_id, self.current_address)
        QWidget.setTabOrder(self.current_address, self.occupation)
        QWidget.setTabOrder(self.occupation, self.phone)
        QWidget.setTabOrder(self.phone, self.household)
        QWidget.setTabOrder(self.household, self.relation_to_head)
        QWidget.setTabOrder(self.relation_to_head, self.notes)

        self.retranslateUi(PersonEditor)

        QMetaObject.connectSlotsByName(PersonEditor)
    # setupUi

    def retranslateUi(self, PersonEditor):
        pass
    # retranslateUi

